"""Write the sample journeys and survey answers that the Attribution page opens on.

    python sample_data/make_journeys.py

Deterministic (a fixed seed): 400 visitors of the same fictional ceramics shop, June to
September 2026, each with 1 to 5 visits from social media, search or e-mail; about a
third buy. The survey holds what 150 buyers typed into "How did you hear about us?".
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHANNELS = ["facebook", "instagram", "linkedin", "x", "google", "email"]
WEIGHTS = [30, 35, 8, 5, 15, 7]
CAMPAIGNS = {
    "facebook": "summer-sale",
    "instagram": "summer-sale",
    "linkedin": "b2b-wholesale",
    "x": "newsletter",
    "google": "brand-search",
    "email": "newsletter",
}
ANSWERS = [
    "Instagram",
    "insta ad",
    "saw you on IG",
    "Facebook",
    "a friend on facebook",
    "fb group",
    "Google",
    "googled ceramics",
    "LinkedIn",
    "my friend told me",
    "word of mouth",
    "twitter",
    "newsletter",
    "market stall in Bergen",
    "",
]
ANSWER_WEIGHTS = [22, 10, 8, 14, 5, 4, 12, 5, 4, 6, 4, 2, 3, 4, 7]


def main() -> None:
    rng = random.Random(20260601)
    start = datetime(2026, 6, 1, 8, 0)
    rows = []
    for number in range(1, 401):
        visitor = f"v{number:03d}"
        when = start + timedelta(minutes=rng.randrange(0, 118 * 24 * 60))
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 5])):
            channel = rng.choices(CHANNELS, WEIGHTS)[0]
            rows.append(
                [visitor, f"{when:%Y-%m-%d %H:%M}", channel, CAMPAIGNS[channel], "visit", ""]
            )
            when += timedelta(hours=rng.randrange(2, 24 * 6))
        if rng.random() < 0.35:
            value = round(rng.uniform(25, 140), 2)
            rows.append([visitor, f"{when:%Y-%m-%d %H:%M}", "", "", "purchase", f"{value:.2f}"])
    with (HERE / "sample_journeys.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["visitor", "timestamp", "channel", "campaign", "event", "value"])
        writer.writerows(rows)
    with (HERE / "sample_survey.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["How did you hear about us?"])
        for _ in range(150):
            writer.writerow([rng.choices(ANSWERS, ANSWER_WEIGHTS)[0]])
    with (HERE / "sample_coupons.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["coupon code", "platform"])
        writer.writerows([["FB10", "facebook"], ["IG15", "instagram"], ["SUMMER20", "instagram"]])


if __name__ == "__main__":
    main()
