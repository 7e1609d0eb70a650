"""Rules that recompute a claim from the amounts it is made of."""
