"""Plots for clv (placeholder until written)."""
__all__: list[str] = []
