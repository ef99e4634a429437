"""Fixtures for the stories tests."""

from __future__ import annotations

import copy

import pytest

from tests.conftest import SEED_000, SEED_001


@pytest.fixture
def seeds(sample_articles):
    """Fresh copies of seed 000 (undated) and seed 001 (dated 2022-01-28)."""
    return [copy.deepcopy(sample_articles[SEED_000.name]), copy.deepcopy(sample_articles[SEED_001.name])]
