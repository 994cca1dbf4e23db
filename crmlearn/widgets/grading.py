"""Widgets for grading (placeholder until written)."""
__all__: list[str] = []
