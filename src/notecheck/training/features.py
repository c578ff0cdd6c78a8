"""Features a reviewer can read: word and character n-grams of the sentence, plus what the rules found in it.

The same functions serve training (over dataset sentences) and the pipeline (over a Doc's sentences), so
the model sees at inference exactly what it saw in training.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from notecheck.training.tasks import RULE_FEATURES

# Values the rule feature of a kind is split by (e.g. "acuity=chronic").
_VALUED = {name.split("=", 1)[0] for name in RULE_FEATURES if "=" in name}


def make_vectorizer() -> Any:
    """Word 1-2-grams and character 2-5-grams (within words) seen at least twice, TF-IDF weighted, sublinear."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion([
        ("word", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, token_pattern=r"(?u)\b\w[\w']*\b")),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
    ])


def found_in(facts: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The rule features of a sentence from its (kind, value) rule facts."""
    found: set[str] = set()
    for kind, value in facts:
        found.add(kind)
        if kind in _VALUED:
            found.add(f"{kind}={value}")
    return frozenset(found & set(RULE_FEATURES))


def matrix(vectorizer: Any, texts: Sequence[str], found: Sequence[frozenset[str]]) -> Any:
    """The feature matrix: n-grams of each text, then one 0/1 column per rule feature."""
    from scipy.sparse import csr_matrix, hstack

    rules = csr_matrix([[1.0 if name in f else 0.0 for name in RULE_FEATURES] for f in found], shape=(len(found), len(RULE_FEATURES)))
    return hstack([vectorizer.transform(list(texts)), rules], format="csr")


def feature_names(vectorizer: Any) -> list[str]:
    """Column names of `matrix`, for the model card and for inspection."""
    return [*vectorizer.get_feature_names_out(), *(f"rule:{name}" for name in RULE_FEATURES)]
