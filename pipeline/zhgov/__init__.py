"""zhgov: entities in Chinese government news and policy texts, as a spaCy pipeline.

    >>> import spacy
    >>> nlp = spacy.load("zhgov")
    >>> [(e.text, e.label_) for e in nlp("县民政局向陈先生发放3200元。").ents]
    [('县民政局', 'AGENCY'), ('陈先生', 'PERSON_ALIAS'), ('3200元', 'MONEY')]
"""

from pathlib import Path

__version__ = "0.1.0"
DEFAULT_PIPELINE = Path(__file__).parent / "default"

# Nothing heavy is imported here, so that ``zhgov.cli`` can configure the process before
# numpy loads. spaCy finds the factories and registered functions through entry points;
# load() imports them as well, for a source tree that was never installed.


def load(**overrides):
    """The default pipeline shipped with the package (what ``spacy.load("zhgov")`` returns)."""
    from spacy.util import load_model_from_path

    from . import architectures, tokenizer  # noqa: F401  (registers zhgov.* functions)
    from .components import agencies, aliases, merge, money, policies, ruler, tagger_ner  # noqa: F401

    return load_model_from_path(DEFAULT_PIPELINE, **overrides)
