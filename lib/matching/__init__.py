"""Matching: skill terms (a bundled gazetteer), sentence vectors (MiniLM ONNX) with a TF-IDF fallback,
and evidence units. :mod:`lib.scoring` turns these into coverage and gap classes.

Import the submodules directly (``from lib.matching.terms import find_terms``); nothing heavy loads here.
"""
