"""Matching: names and affiliation strings against a registry of institutions."""
