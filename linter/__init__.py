"""disclint: a consistency linter for Chinese budget and final-account disclosures.

The package folders follow the pipeline a document flows through:
``read`` (bytes to text) → ``normalise`` (analysis text with a position map)
→ ``extract`` (numbers, claims, tables) → ``check`` (rules) → ``report`` (formats).
"""

__version__ = "0.1.0"
