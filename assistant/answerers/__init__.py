"""Answerers: what to say from the evidence, one module each, chosen by settings.answer.answerer.

`base.py` holds the interface (Answerer, Evidence, Draft), `registry.py` the name -> module table.
"""
