"""Language resources shared by the LNG/PUN/DOC/STY rules: the domain lexicon, the jieba
segmenter, pinyin and the traditional→simplified converter, each loaded lazily and once."""
