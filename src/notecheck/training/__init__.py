"""Trained sentence classifiers: dataset, features, training, and the versioned artefact they make."""
