"""The ground floor: what every stage shares (settings, errors, CLI helpers, bundled models, LLM backends).

It imports no stage; every stage may import it.
"""
