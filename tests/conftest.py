"""Shared test set-up: Hypothesis profiles and a check that CI tests the installed wheel."""

import os
import pathlib

import hypothesis

import quoteattr

ROOT = pathlib.Path(__file__).resolve().parent.parent

hypothesis.settings.register_profile("default", max_examples=100, deadline=None)
hypothesis.settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True)
hypothesis.settings.register_profile("slow", max_examples=5000, deadline=None)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

if os.environ.get("QUOTEATTR_TEST_INSTALLED"):
    # CI installs the wheel: the tests must not be importing the checkout.
    assert ROOT not in pathlib.Path(quoteattr.__file__).resolve().parents, quoteattr.__file__
