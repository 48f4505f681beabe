"""The entity classes and value objects of the diplomacy model.

Import them from `diplomodel`; this package's layout is private.
"""
