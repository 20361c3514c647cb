"""spaCy components: one per module."""
