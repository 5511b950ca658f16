"""Shared test setup: Hypothesis profiles and paths to the bundled fixtures."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAIRS = FIXTURES / "pairs"
CORPUS = FIXTURES / "corpus"

# The explain phase traces every line while shrinking: minutes on the aligner.
_PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    phases=_PHASES,
)
settings.register_profile(
    "dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES
)
# A longer random search, for hunting what the two above miss: HYPOTHESIS_PROFILE=thorough.
settings.register_profile(
    "thorough", max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
