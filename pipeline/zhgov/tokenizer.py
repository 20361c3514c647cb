"""``zhgov.ChineseTokenizer.v1``: spaCy's Chinese tokenizer that keeps the input text.

``Doc.text`` is rebuilt by joining every token in Python, which costs more than the
whole rule grammar on character tokens. This tokenizer is spaCy's own (character
segmentation by default, pkuseg or jieba as options, same serialization) and also
stores the original string in ``doc.user_data`` so the components read it for free.
"""

from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.tokens import Doc
from spacy.util import registry

TEXT_KEY = "zhgov_text"


class TextKeepingChineseTokenizer(ChineseTokenizer):
    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        doc.user_data[TEXT_KEY] = text
        return doc


@registry.tokenizers("zhgov.ChineseTokenizer.v1")
def create_tokenizer(segmenter: Segmenter = Segmenter.char):
    def tokenizer_factory(nlp):
        return TextKeepingChineseTokenizer(nlp.vocab, segmenter=segmenter)

    return tokenizer_factory


def doc_text(doc: Doc) -> str:
    """The document's text, from the tokenizer's copy when it is still valid."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        return doc.text
    # a cheap consistency check: the copy must end where the last token ends
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return text if len(text) == end else doc.text
