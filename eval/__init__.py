"""Evaluation apps: synthetic reports with known truth (python -m eval.synthetic)."""
