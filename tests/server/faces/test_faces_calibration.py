"""The calibrated default threshold still separates every labelled fixture trial."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.engines.faces.calibration import collect, error_rates, login_distances, pair_distances
from server.engines.faces.local import DEFAULT_DISTANCE_THRESHOLD

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"


def test_error_rates_count_accepts_at_or_below_the_threshold():
    genuine, impostor = [0.2, 0.5, 0.7], [0.5, 0.8, 0.9, 1.0]
    assert error_rates(genuine, impostor, 0.5) == (pytest.approx(100 / 3), 25.0)


@pytest.mark.slow
def test_default_threshold_has_no_false_accept_or_reject_on_fixture_logins(engine):
    samples = collect(engine, FIXTURES, video_step=6)
    assert {s.person for s in samples} >= {
        "obama",
        "biden",
        "harington",
        "leslie",
        "lacamoire",
        "miranda",
    }
    genuine, impostor = login_distances(samples)
    assert len(genuine) > 100 and len(impostor) > 1000
    assert error_rates(genuine, impostor, DEFAULT_DISTANCE_THRESHOLD) == (0.0, 0.0)
    # Single pairs never accept an impostor either (some low-res video frames fall just short).
    pair_genuine, pair_impostor = pair_distances(samples)
    false_reject, false_accept = error_rates(
        pair_genuine, pair_impostor, DEFAULT_DISTANCE_THRESHOLD
    )
    assert false_accept == 0.0 and false_reject < 10.0
