"""Question understanding and hybrid retrieval for the answer stage (the ask issue)."""
