"""Effective-dated rules: deadlines as data, plus the date arithmetic they need.

CPR numbers, the Danish holiday calendar, the milestone-kind registry, rule sets per
municipality and the pure functions that turn anchors (takeover, arrival, …) into due dates.
"""
