"""Generate the sample data: four months of a small ceramics shop on social media.

    python sample_data/make_sample.py

Deterministic (seeded); writes social_media_sample.csv and social_media_sample.xlsx
next to this file in the canonical columns of docs/METRICS.md section 1.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from smroi.canonical import COLUMNS, COUNTS

HERE = Path(__file__).resolve().parent
START, DAYS = pd.Timestamp("2026-06-01"), 120
AGES = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
AGE_WEIGHT = [0.10, 0.30, 0.28, 0.17, 0.10, 0.05]
GENDERS = ["female", "male", "unknown"]
GENDER_WEIGHT = [0.64, 0.32, 0.04]
# who converts best on ceramics: women 25-44
CONVERSION_LIFT = {("female", "25-34"): 1.5, ("female", "35-44"): 1.4, ("male", "18-24"): 0.5}
LOCATIONS = ["Norway", "Sweden", "Denmark", "United States", "United Kingdom", "Germany"]
LOCATION_WEIGHT = [0.38, 0.17, 0.12, 0.15, 0.10, 0.08]

# platform, campaign, element, objective, daily budget, CPM, CTR, result rate, video?, interest
ADS = [
    ("facebook", "Summer Sale", "Mug carousel", "sales", 30, 10.5, 0.016, 0.036, False, "Cooking"),
    ("facebook", "Summer Sale", "Bowl video", "sales", 22, 9.5, 0.013, 0.030, True, "Home decor"),
    ("facebook", "Summer Sale", "Gift set image", "sales", 15, 11.0, 0.012, 0.034, False, "Gifts"),
    (
        "facebook",
        "Newsletter Signup",
        "Free glaze guide",
        "leads",
        12,
        9.0,
        0.014,
        0.10,
        False,
        "Home decor",
    ),
    (
        "facebook",
        "Newsletter Signup",
        "Studio tour video",
        "leads",
        8,
        8.5,
        0.011,
        0.07,
        True,
        "Interior design",
    ),
    (
        "instagram",
        "Summer Sale",
        "Reel: throwing a mug",
        "sales",
        18,
        12.5,
        0.010,
        0.024,
        True,
        "Home decor",
    ),
    (
        "instagram",
        "Summer Sale",
        "Story: new colours",
        "sales",
        10,
        11.5,
        0.009,
        0.022,
        False,
        "Interior design",
    ),
    (
        "linkedin",
        "B2B Wholesale Leads",
        "Lead form: cafes",
        "leads",
        14,
        38.0,
        0.006,
        0.09,
        False,
        "Small business",
    ),
    (
        "linkedin",
        "B2B Wholesale Leads",
        "Lead form: shops",
        "leads",
        10,
        42.0,
        0.005,
        0.11,
        False,
        "Small business",
    ),
]
ORDER_VALUE = 64.0
# platform: posts per week, mean impressions, engagement rate, CTR, follower rate
ORGANIC = {
    "facebook": (3, 1400, 0.035, 0.012, 0.004),
    "instagram": (4, 2300, 0.050, 0.004, 0.006),
    "linkedin": (2, 900, 0.030, 0.010, 0.005),
    "x": (2, 450, 0.020, 0.008, 0.003),
}
POST_TOPICS = [
    "Behind the scenes",
    "New glaze",
    "Customer photo",
    "Studio tip",
    "Kiln day",
    "Product close-up",
    "Market stall",
    "Workshop invite",
]
COUPONS = {"facebook": "FB10", "instagram": "IG15"}


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text.lower()).strip("_").replace("__", "_")


def day_factor(day: pd.Timestamp) -> float:
    weekend = 1.2 if day.day_of_week >= 5 else 1.0
    promotion = 1.45 if pd.Timestamp("2026-08-10") <= day <= pd.Timestamp("2026-08-23") else 1.0
    return weekend * promotion


def paid_rows(rng: np.random.Generator) -> list[dict]:
    rows = []
    for day in pd.date_range(START, periods=DAYS, freq="D"):
        factor = day_factor(day)
        for platform, campaign, element, goal, budget, cpm, ctr, rate, video, interest in ADS:
            spend_day = budget * rng.uniform(0.85, 1.1) * (1.15 if factor > 1.3 else 1.0)
            splits = rng.integers(2, 4)
            shares = rng.dirichlet(np.ones(splits) * 3)
            for share in shares:
                age = rng.choice(AGES, p=AGE_WEIGHT)
                gender = rng.choice(GENDERS, p=GENDER_WEIGHT)
                spend = round(spend_day * share, 2)
                impressions = int(spend / cpm * 1000 * rng.uniform(0.9, 1.1))
                clicks = int(rng.binomial(impressions, ctr * min(factor, 1.3)))
                lift = CONVERSION_LIFT.get((gender, age), 1.0) * (factor if goal == "sales" else 1)
                results = int(rng.binomial(clicks, min(rate * lift, 0.5)))
                engagements = int(rng.binomial(impressions, rng.uniform(0.01, 0.02)))
                row = {
                    "date": day,
                    "platform": platform,
                    "campaign": campaign,
                    "element": element,
                    "paid": True,
                    "spend": spend,
                    "impressions": impressions,
                    "reach": int(impressions * rng.uniform(0.65, 0.9)),
                    "clicks": clicks,
                    "engagements": engagements,
                    "video_views": int(impressions * rng.uniform(0.2, 0.35)) if video else None,
                    "followers_gained": int(rng.binomial(engagements, 0.03)),
                    "age": age,
                    "gender": gender,
                    "location": rng.choice(LOCATIONS, p=LOCATION_WEIGHT),
                    "interest": interest,
                    "utm_source": platform,
                    "utm_medium": "paid_social",
                    "utm_campaign": slug(campaign),
                    "utm_content": slug(element),
                }
                if goal == "sales":
                    row["leads"] = 0
                    row["conversions"] = results
                    row["revenue"] = round(
                        sum(rng.gamma(8, ORDER_VALUE / 8) for _ in range(results)), 2
                    )
                    if results and platform in COUPONS and rng.random() < 0.3:
                        row["coupon_code"] = "SUMMER20" if factor > 1.3 else COUPONS[platform]
                    if results and rng.random() < 0.1:
                        row["commissions"] = round(row["revenue"] * 0.05, 2)
                else:
                    row["leads"] = results
                rows.append(row)
    return rows


def organic_rows(rng: np.random.Generator) -> list[dict]:
    rows = []
    for platform, (per_week, mean, engagement_rate, ctr, follow_rate) in ORGANIC.items():
        for day in pd.date_range(START, periods=DAYS, freq="D"):
            if rng.random() > per_week / 7:
                continue
            topic = rng.choice(POST_TOPICS)
            impressions = int(rng.gamma(4, mean / 4) * day_factor(day))
            engagements = int(rng.binomial(impressions, engagement_rate))
            clicks = int(rng.binomial(impressions, ctr))
            row = {
                "date": day,
                "platform": platform,
                "campaign": "Organic",
                "element": f"{topic} ({day:%d %b})",
                "paid": False,
                "impressions": impressions,
                "reach": int(impressions * rng.uniform(0.7, 0.95)),
                "clicks": clicks,
                "engagements": engagements,
                "video_views": int(impressions * 0.3) if platform == "instagram" else None,
                "followers_gained": int(rng.binomial(impressions, follow_rate)),
                "location": rng.choice(LOCATIONS, p=LOCATION_WEIGHT),
                "utm_source": platform,
                "utm_medium": "social",
                "utm_campaign": "organic",
                "utm_content": slug(topic),
            }
            if platform in COUPONS:  # a few sales from coupon codes in posts
                sales = int(rng.binomial(clicks, 0.02))
                row["conversions"] = sales
                row["revenue"] = round(sales * ORDER_VALUE * rng.uniform(0.8, 1.2), 2)
                if sales:
                    row["coupon_code"] = COUPONS[platform]
            rows.append(row)
    return rows


def make() -> pd.DataFrame:
    rng = np.random.default_rng(2026)
    frame = pd.DataFrame(paid_rows(rng) + organic_rows(rng), columns=COLUMNS)
    frame = frame.sort_values(["date", "platform", "campaign", "element"], kind="stable")
    for column in COUNTS:
        frame[column] = frame[column].astype("Int64")
    frame["date"] = frame["date"].dt.date
    return frame.reset_index(drop=True)


def main() -> None:
    frame = make()
    _write_csv(frame)
    with pd.ExcelWriter(HERE / "social_media_sample.xlsx", engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="data", index=False)
    summary = frame.groupby("platform").agg(
        rows=("date", "size"),
        spend=("spend", "sum"),
        impressions=("impressions", "sum"),
        clicks=("clicks", "sum"),
        leads=("leads", "sum"),
        conversions=("conversions", "sum"),
        revenue=("revenue", "sum"),
    )
    print(f"{len(frame):,} rows")
    print(summary.to_string())


def _write_csv(frame: pd.DataFrame) -> None:
    out = frame.copy()
    out["paid"] = out["paid"].map({True: "true", False: "false"})
    out.to_csv(HERE / "social_media_sample.csv", index=False, columns=COLUMNS)


if __name__ == "__main__":
    main()
