import pytest
import spacy

import zhgov  # noqa: F401  (registers the components)


@pytest.fixture(scope="session")
def rules_nlp():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhgov_entity_ruler")
    nlp.initialize()
    return nlp


@pytest.fixture(scope="session")
def ents(rules_nlp):
    def _ents(text):
        return [(e.text, e.label_) for e in rules_nlp(text).ents]
    return _ents
