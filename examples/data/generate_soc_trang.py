#!/usr/bin/env python3
"""Generate CadrePlan's bundled Sóc Trăng example rosters and training catalogue.

Why this exists
---------------
The seed report ("Công tác đào tạo, bồi dưỡng đội ngũ bí thư đảng ủy cấp xã ở Sóc
Trăng") quotes the qualification structure of the 109 commune-level Party secretaries
of Sóc Trăng province at the end of 2013 and says it "rose strongly since the start of
the term". The library's examples, tests and documentation need a roster that
reproduces those figures exactly, plus a start-of-term baseline, so that

    cadreplan stats examples/data/soc-trang-2013 --as-of 2013-12-31 \
        --baseline examples/data/soc-trang-2010 --baseline-as-of 2010-12-31

prints the seed's numbers and the progress since 2010. The data also carries the
problems the seed names (self-funded degrees in fields that do not fit, bridging and
distance programmes, missed yearly refreshers, diverted training money, thin successor
pools, training outside the plan) so that `cadreplan check` and `cadreplan plan` have
something to find. Everything else follows the default profile's rules (ages at
appointment and in the pool, a training plan for every secretary and candidate, ...), so
that `cadreplan check --as-of 2013-12-31` finds the planted problems and nothing else; the
generator records each one it plants (Generator.plant) and `--check` writes them to
tests/data/expected/soc-trang-2013-check-pairs.csv for the tests to compare with.

All persons are invented; names are assembled from common Kinh, Khmer and Hoa name
parts. Unit names follow the province's real administrative map of 2013 (11 district-
level units, 109 communes, wards and townships), but every figure attached to a unit is
synthetic.

What it writes (paths relative to this script's folder)
-------------------------------------------------------
soc-trang-2013/   the roster as of 2013-12-31
    units.csv       1 province, 11 districts, 109 commune-level units (80 communes,
                    17 wards, 12 townships; 47 with a large Khmer population)
    cadres.csv      109 sitting secretaries (4 also chairman) and, per unit, the deputy
                    secretary and the chairman (a vice chairman where the secretary is
                    the chairman): the successor candidates
    pools.csv       successor pools for `secretary`, term 2015-2020
    trainings.csv   Party-building refreshers 2010-2013, political theory, state
                    management, skills and a few professional courses of the secretaries;
                    the successor candidates' training plan (done in 2012-2013, `planned`
                    for 2014-2015)
    budgets.csv     each unit's training budget 2011-2013
soc-trang-2010/   the start-of-term baseline as of 2010-12-31
    units.csv       byte-identical to the 2013 one
    cadres.csv      the 109 secretaries of 2010 (93 of them still in office in 2013)
    trainings.csv   the 2010 refreshers and the courses under way at the end of 2010
soc-trang-courses.csv   the training catalogue used by `cadreplan plan`

The formats are those of /work/shared/FORMATS.md (docs: "Interchange formats"). Most
cells use the English codes; about 15 % of the enumerated cells, and a few dates and
amounts, use the alternative spellings that format accepts (Vietnamese labels with and
without diacritics, 12/12 and 9/12, DD/MM/YYYY, thousands separators) so that the
bundled data exercises the parsers.

Usage
-----
    python3 examples/data/generate_soc_trang.py          # (re)write every file
    python3 examples/data/generate_soc_trang.py --check  # verify the files on disk and
                                                         # write the planted findings

Only the Python 3 standard library is used (3.8 or later). The random generator has a
fixed seed and every collection is iterated in a fixed order, so a run rewrites every
file byte for byte. `--check` re-reads the CSV files with the csv module, parses them
independently of the generator (its own table of codes, taken from FORMATS.md), asserts
the figures documented in README.md, and confirms that regenerating gives the same
bytes. It exits 1 on the first failed assertion.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import io
import os
import random
import sys
import unicodedata
from dataclasses import dataclass, replace

SEED = 20131231
AS_OF_2013 = dt.date(2013, 12, 31)
AS_OF_2010 = dt.date(2010, 12, 31)
PROVINCE = "Sóc Trăng"
HERE = os.path.dirname(os.path.abspath(__file__))
DIR_2013 = "soc-trang-2013"
DIR_2010 = "soc-trang-2010"
COURSES_FILE = "soc-trang-courses.csv"

SCHOOL = "Trường Chính trị tỉnh Sóc Trăng"
ACADEMY = "Học viện Chính trị khu vực IV"
NAPA = "Học viện Hành chính Quốc gia"
CANTHO = "Trường Đại học Cần Thơ"
UNACCREDITED = "Trung tâm Tư vấn Giáo dục ABC"

UNIT_COLUMNS = ["id", "name", "kind", "parent_id", "province", "large_minority", "minority", "area"]
CADRE_COLUMNS = [
    "id", "full_name", "gender", "ethnicity", "birth_date", "party_joined", "unit_id",
    "positions", "position_since", "general_education", "professional_level",
    "professional_field", "professional_mode", "professional_funding",
    "professional_planned", "political_theory", "state_management",
]
POOL_COLUMNS = ["unit_id", "position", "cadre_id", "term", "added_on"]
TRAINING_COLUMNS = [
    "cadre_id", "course", "kind", "start_date", "end_date", "provider", "status", "result",
    "funding", "planned", "cost",
]
BUDGET_COLUMNS = ["unit_id", "year", "allocated", "spent_on_training"]
PAIR_COLUMNS = ["rule", "cadre_id", "unit_id"]
PAIRS_FILE = os.path.join("..", "..", "tests", "data", "expected", "soc-trang-2013-check-pairs.csv")
COURSE_COLUMNS = [
    "id", "name", "kind", "provider", "cost", "days", "confers", "requires", "accredited",
    "capacity", "months", "part_time",
]

# --------------------------------------------------------------------------------------
# The administrative map (2013). (kind, name, large Khmer population?)
# --------------------------------------------------------------------------------------
C, W, T = "commune", "ward", "township"
DISTRICTS = [
    ("TP", "Thành phố Sóc Trăng", [
        (W, "Phường 1", 0), (W, "Phường 2", 1), (W, "Phường 3", 0), (W, "Phường 4", 0),
        (W, "Phường 5", 1), (W, "Phường 6", 0), (W, "Phường 7", 0), (W, "Phường 8", 0),
        (W, "Phường 9", 0), (W, "Phường 10", 1)]),
    ("VC", "Thị xã Vĩnh Châu", [
        (W, "Phường 1", 1), (W, "Phường 2", 1), (W, "Phường Khánh Hòa", 1),
        (W, "Phường Vĩnh Phước", 1), (C, "Xã Vĩnh Hiệp", 1), (C, "Xã Hòa Đông", 1),
        (C, "Xã Lạc Hòa", 1), (C, "Xã Vĩnh Hải", 1), (C, "Xã Lai Hòa", 1),
        (C, "Xã Vĩnh Tân", 1)]),
    ("NN", "Thị xã Ngã Năm", [
        (W, "Phường 1", 0), (W, "Phường 2", 0), (W, "Phường 3", 0), (C, "Xã Tân Long", 0),
        (C, "Xã Long Bình", 0), (C, "Xã Mỹ Bình", 0), (C, "Xã Mỹ Quới", 0),
        (C, "Xã Vĩnh Quới", 0)]),
    ("KS", "Huyện Kế Sách", [
        (T, "Thị trấn Kế Sách", 0), (T, "Thị trấn An Lạc Thôn", 0), (C, "Xã An Lạc Tây", 0),
        (C, "Xã An Mỹ", 0), (C, "Xã Ba Trinh", 1), (C, "Xã Đại Hải", 0), (C, "Xã Kế An", 0),
        (C, "Xã Kế Thành", 0), (C, "Xã Nhơn Mỹ", 0), (C, "Xã Phong Nẫm", 0),
        (C, "Xã Thới An Hội", 0), (C, "Xã Trinh Phú", 0), (C, "Xã Xuân Hòa", 0)]),
    ("LP", "Huyện Long Phú", [
        (T, "Thị trấn Long Phú", 0), (T, "Thị trấn Đại Ngãi", 0), (C, "Xã Châu Khánh", 1),
        (C, "Xã Hậu Thạnh", 0), (C, "Xã Long Đức", 0), (C, "Xã Long Phú", 0),
        (C, "Xã Phú Hữu", 0), (C, "Xã Song Phụng", 0), (C, "Xã Tân Hưng", 1),
        (C, "Xã Tân Thạnh", 0), (C, "Xã Trường Khánh", 0)]),
    ("CLD", "Huyện Cù Lao Dung", [
        (T, "Thị trấn Cù Lao Dung", 0), (C, "Xã An Thạnh 1", 0), (C, "Xã An Thạnh 2", 0),
        (C, "Xã An Thạnh 3", 0), (C, "Xã An Thạnh Đông", 0), (C, "Xã An Thạnh Tây", 0),
        (C, "Xã An Thạnh Nam", 0), (C, "Xã Đại Ân 1", 0)]),
    ("MT", "Huyện Mỹ Tú", [
        (T, "Thị trấn Huỳnh Hữu Nghĩa", 0), (C, "Xã Hưng Phú", 0), (C, "Xã Long Hưng", 1),
        (C, "Xã Mỹ Hương", 0), (C, "Xã Mỹ Phước", 0), (C, "Xã Mỹ Thuận", 1),
        (C, "Xã Mỹ Tú", 1), (C, "Xã Phú Mỹ", 1), (C, "Xã Thuận Hưng", 1)]),
    ("CT", "Huyện Châu Thành", [
        (T, "Thị trấn Châu Thành", 0), (C, "Xã An Hiệp", 1), (C, "Xã An Ninh", 0),
        (C, "Xã Hồ Đắc Kiện", 1), (C, "Xã Phú Tâm", 1), (C, "Xã Phú Tân", 1),
        (C, "Xã Thiện Mỹ", 1), (C, "Xã Thuận Hòa", 1)]),
    ("MX", "Huyện Mỹ Xuyên", [
        (T, "Thị trấn Mỹ Xuyên", 0), (C, "Xã Đại Tâm", 1), (C, "Xã Gia Hòa 1", 1),
        (C, "Xã Gia Hòa 2", 0), (C, "Xã Hòa Tú 1", 1), (C, "Xã Hòa Tú 2", 1),
        (C, "Xã Ngọc Đông", 1), (C, "Xã Ngọc Tố", 1), (C, "Xã Tham Đôn", 1),
        (C, "Xã Thạnh Phú", 0), (C, "Xã Thạnh Quới", 1)]),
    ("TTR", "Huyện Thạnh Trị", [
        (T, "Thị trấn Phú Lộc", 0), (T, "Thị trấn Hưng Lợi", 0), (C, "Xã Châu Hưng", 0),
        (C, "Xã Lâm Kiết", 1), (C, "Xã Lâm Tân", 1), (C, "Xã Thạnh Tân", 1),
        (C, "Xã Thạnh Trị", 0), (C, "Xã Tuân Tức", 1), (C, "Xã Vĩnh Lợi", 0),
        (C, "Xã Vĩnh Thành", 0)]),
    ("TD", "Huyện Trần Đề", [
        (T, "Thị trấn Trần Đề", 0), (T, "Thị trấn Lịch Hội Thượng", 1),
        (C, "Xã Đại Ân 2", 1), (C, "Xã Lịch Hội Thượng", 1), (C, "Xã Liêu Tú", 1),
        (C, "Xã Tài Văn", 1), (C, "Xã Thạnh Thới An", 0), (C, "Xã Thạnh Thới Thuận", 1),
        (C, "Xã Trung Bình", 1), (C, "Xã Viên An", 1), (C, "Xã Viên Bình", 0)]),
]

# --------------------------------------------------------------------------------------
# Exact targets (the seed's figures for 2013; a plausible start of term for 2010).
# --------------------------------------------------------------------------------------
TARGET_2013 = {
    "general_education": {"upper_secondary": 107, "lower_secondary": 2},
    "professional_level": {"university": 78, "college": 17, "intermediate": 14},
    "political_theory": {"advanced": 82, "intermediate": 27},  # advanced includes bachelor
    "bachelor": 5,
    "concurrent": 4,
}
TARGET_2010 = {
    "general_education": {"upper_secondary": 98, "lower_secondary": 11},
    "professional_level": {"university": 41, "college": 22, "intermediate": 33,
                           "elementary": 8, "none": 5},
    "political_theory": {"advanced": 44, "intermediate": 58, "elementary": 7},
    "bachelor": 3,
    "concurrent": 9,
}
N_UNITS = 109
N_KHMER_UNITS = 47
N_REPLACED = 16                 # secretaries of 2010 replaced by 2013 (93 stay: 85 %)
N_MISMATCH = 12                 # self-funded degrees in fields that do not fit
N_MISS_2013 = 10                # secretaries without a refresher in 2013
N_NEVER = 4                     # secretaries who never had a refresher
POOL_EMPTY, POOL_SINGLE = 3, 5
N_LOW_BUDGET, N_DIVERTED = 4, 6

# The default profile's rules the data is built around (docs/profiles/default.toml).
TERM_START = dt.date(2010, 7, 1)          # the 2010-2015 term: congresses in July
TERM_LAST_DAY = dt.date(2015, 6, 30)
NEXT_TERM_START = dt.date(2015, 7, 1)     # pools are planned for 2015-2020
MAX_AGE_AT_APPOINTMENT = 45               # Decision 04/2004/QĐ-BNV art. 5
POOL_MIN_MONTHS = 60                      # Regulation 50-QĐ/TW: 60 months to retirement
N_SEC_AGE = 4                   # secretaries who took the post older than 45
N_POOL_SHORT, N_POOL_OLD = 2, 2  # pool candidates with < 60 months left / older than 45,
                                 # besides the one who retires before the 2015 congress
N_DISTRICT_REFRESH = 3          # secretaries per district refreshed outside the plan (2 districts)
N_UNPLANNED_POOLS = 5           # units whose two pool candidates have no training plan

RANK_PL = {"none": 0, "elementary": 1, "intermediate": 2, "college": 3, "university": 4}
RANK_PT = {"none": 0, "elementary": 1, "intermediate": 2, "advanced": 3, "bachelor": 3}
RANK_GE = {"lower_secondary": 0, "upper_secondary": 1}
RANK_SM = {"none": 0, "officer": 1, "principal_officer": 2}

# Fields that fit the secretary position, with how often they are drawn; the rural
# ones only for communes and townships.
FIT_FIELDS = [("Xây dựng Đảng và chính quyền nhà nước", 3), ("Luật", 3), ("Kinh tế", 2),
              ("Quản lý nhà nước", 3), ("Hành chính học", 2)]
RURAL_FIELDS = [("Nông nghiệp", 2), ("Phát triển nông thôn", 2)]
MISFIT_FIELDS = ["Môi trường", "Địa chính", "Kế toán"]
OTHER_FIELDS = ["Công nghệ thông tin", "Sư phạm", "Nuôi trồng thủy sản", "Thú y", "Kế toán",
                "Địa chính"]

# --------------------------------------------------------------------------------------
# Names (invented combinations of common name parts).
# --------------------------------------------------------------------------------------
KINH_SURNAMES = [("Nguyễn", 30), ("Trần", 12), ("Lê", 10), ("Phạm", 7), ("Huỳnh", 7),
                 ("Võ", 6), ("Phan", 5), ("Trương", 4), ("Đặng", 3), ("Bùi", 3), ("Hồ", 3),
                 ("Ngô", 3), ("Đỗ", 2), ("Dương", 2), ("Đoàn", 2), ("Lâm", 2), ("Tô", 1),
                 ("Cao", 1), ("Mai", 1), ("Thái", 1)]
KINH_MIDDLE_M = [("Văn", 10), ("Minh", 3), ("Thanh", 3), ("Hoàng", 2), ("Quốc", 2),
                 ("Hữu", 2), ("Công", 1), ("Thành", 1), ("Phước", 1), ("Trung", 1)]
KINH_MIDDLE_F = [("Thị", 10), ("Ngọc", 3), ("Thanh", 2), ("Kim", 2), ("Hồng", 2),
                 ("Thu", 1), ("Mỹ", 1), ("Bích", 1)]
KINH_GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Phong", "Hải", "Bình", "Thắng", "Tâm", "Lâm", "Nghĩa",
                "Phúc", "Trung", "Khánh", "Lợi", "Sang", "Tài", "Toàn", "Hiếu", "Hòa", "Nhân",
                "Thuận", "Cường", "Đức", "Hậu", "Kiệt", "Long", "Phước", "Quang", "Sơn",
                "Thái", "Vũ", "Triều", "Nam", "Tín", "Hiền", "Định", "Chiến", "Lộc"]
KINH_GIVEN_F = ["Lan", "Hoa", "Hương", "Thảo", "Nga", "Hạnh", "Trang", "Mai", "Thúy",
                "Phượng", "Diễm", "Ngân", "Huyền", "Liên", "Bích", "Loan", "Xuân", "Tuyết"]
KHMER_SURNAMES = [("Thạch", 8), ("Sơn", 6), ("Danh", 5), ("Kim", 4), ("Lâm", 3), ("Lý", 3),
                  ("Triệu", 2), ("Châu", 1), ("Dương", 1)]
KHMER_GIVEN_M = ["Sô Phal", "Út", "Sóc Khine", "Sóc", "Sà Rương", "Sa Mết", "Sô Thol", "Ky",
                 "Sa Phol", "Sóc Kha", "Chăn Thy", "Hên", "Mách", "Sang", "Pho", "Rết", "Som",
                 "Chưng", "Khem", "Sa Rinh", "Sóc Rệt", "Kha Ren", "Sa Vuol", "Đa Ra",
                 "Pha Ra", "Sa Rát", "Chanh", "Sà Phon"]
KHMER_GIVEN_F = ["Sa Rây", "Chanh Đa", "Sa Ni", "Sa Vân", "Mây", "Sà Quênh", "Sóc Phia",
                 "Sa Phia", "Chanh Thu", "Thà Ri", "Ly Na", "Sô Phia", "Sa Mây", "Kim Lên"]
HOA_SURNAMES = ["Quách", "Tăng", "Lưu", "Mã", "Diệp", "Châu", "Lý", "Trương", "Tạ", "Hứa",
                "Trịnh", "Vương"]
HOA_MIDDLE_M = ["Văn", "Quốc", "Chí", "Kiến", "Hùng"]
HOA_MIDDLE_F = ["Thị", "Mỹ", "Ngọc"]
HOA_GIVEN_M = ["Phát", "Huy", "Minh", "Cường", "Tùng", "Hòa", "Lợi", "Thành", "Tài", "Vinh",
               "Kiệt", "Quang"]
HOA_GIVEN_F = ["Liên", "Mai", "Phụng", "Hoa", "Xuân", "Lan", "Quyên"]

# --------------------------------------------------------------------------------------
# Alternative spellings written on purpose (all accepted by FORMATS.md's codes table).
# --------------------------------------------------------------------------------------
ALT = {
    "kind": {"commune": ["xã", "Xã", "XA"], "ward": ["phường", "Phuong"],
             "township": ["thị trấn", "Thi tran"]},
    "large_minority": {"true": ["có"], "false": ["không", "khong"]},
    "area": {"plains": ["đồng bằng", "dong bang"], "urban": ["Đô thị"]},
    "positions": {"secretary": ["bí thư", "Bí thư"],
                  "deputy_secretary": ["phó bí thư", "Pho bi thu"],
                  "chairman": ["chủ tịch UBND", "Chu tich UBND"],
                  "vice_chairman": ["phó chủ tịch UBND"]},
    "general_education": {"upper_secondary": ["12/12", "12/12", "THPT", "Trung học phổ thông",
                                              "trung hoc pho thong"],
                          "lower_secondary": ["9/12", "THCS", "trung học cơ sở"]},
    "professional_level": {"university": ["Đại học", "đại học", "dai hoc", "Cử nhân", "Kỹ sư"],
                           "college": ["Cao đẳng", "cao dang"],
                           "intermediate": ["trung cấp", "Trung cap"],
                           "elementary": ["sơ cấp", "So cap"]},
    "political_theory": {"advanced": ["Cao cấp", "cao cap", "Cao cấp và tương đương"],
                         "bachelor": ["Cử nhân chính trị"],
                         "intermediate": ["Trung cấp", "trung cap"],
                         "elementary": ["Sơ cấp"]},
    "state_management": {"officer": ["Chuyên viên", "chuyen vien"],
                         "principal_officer": ["Chuyên viên chính", "chuyen vien chinh"]},
    "professional_mode": {"full_time": ["Chính quy", "chinh quy"],
                          "in_service": ["vừa làm vừa học", "Tại chức"],
                          "bridging": ["Liên thông", "lien thong"],
                          "distance": ["Từ xa", "tu xa"]},
    "funding": {"state": ["Ngân sách", "ngan sach"], "self": ["Tự túc", "tự bỏ kinh phí"]},
    "training_kind": {"party_building": ["bồi dưỡng nghiệp vụ công tác đảng",
                                         "Boi duong nghiep vu cong tac dang"],
                      "skills": ["Kỹ năng", "ky nang"]},
    "position": {"secretary": ["bí thư", "Bi thu"]},
}
# Probability of writing an alternative spelling, per column kind.
P_ENUM = 0.15
P_DATE = 0.06
P_MONEY = 0.08


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------
def wchoice(rng: random.Random, weighted):
    """A deterministic weighted choice from [(value, weight), ...]."""
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for value, weight in weighted:
        x -= weight
        if x < 0:
            return value
    return weighted[-1][0]


def rand_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def monday_on_or_after(d: dt.date) -> dt.date:
    return d + dt.timedelta(days=(7 - d.weekday()) % 7)


def add_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    return dt.date(d.year + m // 12, m % 12 + 1, min(d.day, 28))


def add_months_exact(d: dt.date, months: int) -> dt.date:
    """d plus whole months; a day the target month lacks rolls over (31 May + 1 = 1 July)."""
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    last = calendar.monthrange(y, m + 1)[1]
    if d.day <= last:
        return dt.date(y, m + 1, d.day)
    return dt.date(y, m + 1, last) + dt.timedelta(days=1)


def years_before(d: dt.date, years: int) -> dt.date:
    return dt.date(d.year - years, d.month, min(d.day, 28))


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years; someone born on 29 February ages on 1 March in common years."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def retirement_date(birth: dt.date, gender: str) -> dt.date:
    """Statutory retirement (Labour Code 2019, Decree 135/2020/NĐ-CP): men 60 and women 55
    until 2020; from 2021 men 60 y 3 m rising 3 months a year to 62, women 55 y 4 m rising
    4 months a year to 60. The first year whose scheduled age is reached in that year."""
    base, step, final = (723, 3, 744) if gender == "male" else (664, 4, 720)
    for year in range(birth.year, birth.year + 121):
        months = base - step if year < 2021 else min(base + step * (year - 2021), final)
        reached = add_months_exact(birth, months)
        if reached.year <= year:
            return reached
    raise ValueError("retirement never reached")


@dataclass
class Qual:
    ge: str = ""
    pl: str = ""
    field: str = ""
    mode: str = ""
    funding: str = ""
    planned: str = ""
    pt: str = ""
    sm: str = ""


@dataclass
class Cadre:
    id: str
    full_name: str
    gender: str
    ethnicity: str
    birth: dt.date
    party_joined: dt.date
    unit_id: str
    positions: list
    since: dt.date
    q: Qual


class Speller:
    """Writes codes, dates and amounts, now and then in an accepted alternative form.

    Every kind of cell (a code value of a column, or a date or amount column) takes the
    alternative form on its first occurrence and then on one occurrence in round(1 / p),
    cycling through its alternatives, so even a rare value is written once in another
    form and every listed alternative appears once its value is common enough.
    """

    def __init__(self):
        self.seen: dict = {}

    def _due(self, key, p: float):
        """None for the plain form, else how many alternatives this key has given."""
        period = max(1, round(1 / p))
        if key not in self.seen:
            self.seen[key] = [period - 1, 0]
        state = self.seen[key]
        state[0] += 1
        if state[0] % period:
            return None
        state[1] += 1
        return state[1] - 1

    def code(self, table: str, value: str, p: float = P_ENUM, key=None) -> str:
        variants = ALT.get(table, {}).get(value)
        if not value or not variants:
            return value
        k = self._due(key or (table, value), p)
        return value if k is None else variants[k % len(variants)]

    def positions(self, values: list, p: float = 0.08) -> str:
        if len(values) == 1:
            return self.code("positions", values[0], p)
        # Concurrent holders are few: spell each part often, on different cycles (one in
        # three, one in two), so that all-Vietnamese and mixed cells both occur.
        return ";".join(self.code("positions", v, 1 / (3 - n % 2), key=("concurrent", n, v))
                        for n, v in enumerate(values))

    def date(self, d, column: str, p: float = P_DATE) -> str:
        if d is None:
            return ""
        if self._due(("date", column), p) is None:
            return d.isoformat()
        return d.strftime("%d/%m/%Y")

    def money(self, amount, column: str, p: float = P_MONEY) -> str:
        if amount is None:
            return ""
        k = self._due(("money", column), p)
        if k is None:
            return str(amount)
        return f"{amount:,}".replace(",", "," if k % 3 == 2 else ".")


def csv_bytes(columns, rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return buf.getvalue().encode("utf-8")


TECHNICAL_FIELDS = ("Nông nghiệp", "Phát triển nông thôn", "Môi trường", "Địa chính",
                    "Nuôi trồng thủy sản", "Công nghệ thông tin", "Thú y")


def engineer_only_for_technical(spelling: str, field: str) -> str:
    """`Kỹ sư` (engineer) names a university degree only in a technical field."""
    if spelling == "Kỹ sư" and field not in TECHNICAL_FIELDS:
        return "Cử nhân"
    return spelling




# --------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------
class Generator:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.used_names: set = set()
        self.units = []          # dicts for commune-level units, in file order
        self.unit_rows = []      # every row of units.csv
        self.next_id = 1
        # Separate streams for what was added later (ages, the training plan), so that the
        # main stream, and with it every name, date and pick made from it, stays as it was.
        self.ages_rng = random.Random(SEED + 1)
        self.plan_rng = random.Random(SEED + 2)
        # What the data deliberately breaks: (rule, cadre id or "", unit id) for every
        # finding `cadreplan check --as-of 2013-12-31` must report with the default profile.
        self.planted: set = set()

    def plant(self, rule: str, cadre, unit_id: str = "") -> None:
        if cadre is None:
            self.planted.add((rule, "", unit_id))
        else:
            self.planted.add((rule, cadre.id, cadre.unit_id))

    # ---- names ------------------------------------------------------------------------
    def new_id(self) -> str:
        value = f"C{self.next_id:04d}"
        self.next_id += 1
        return value

    def name(self, ethnicity: str, gender: str) -> str:
        rng = self.rng
        for _ in range(1000):
            if ethnicity == "Khmer":
                surname = wchoice(rng, KHMER_SURNAMES)
                given = rng.choice(KHMER_GIVEN_F if gender == "female" else KHMER_GIVEN_M)
                if gender == "female":
                    middle = "Thị"
                else:
                    middle = "Văn" if rng.random() < 0.3 else ""
            elif ethnicity == "Hoa":
                surname = rng.choice(HOA_SURNAMES)
                middle = rng.choice(HOA_MIDDLE_F if gender == "female" else HOA_MIDDLE_M)
                given = rng.choice(HOA_GIVEN_F if gender == "female" else HOA_GIVEN_M)
            else:
                surname = wchoice(rng, KINH_SURNAMES)
                middle = wchoice(rng, KINH_MIDDLE_F if gender == "female" else KINH_MIDDLE_M)
                given = rng.choice(KINH_GIVEN_F if gender == "female" else KINH_GIVEN_M)
                if gender == "female" and rng.random() < 0.2:  # e.g. Nguyễn Thị Mai Lan
                    extra = rng.choice(KINH_GIVEN_F)
                    if extra != given:
                        given = extra + " " + given
            full = " ".join(p for p in (surname, middle, given) if p)
            if full not in self.used_names:
                self.used_names.add(full)
                return full
        raise RuntimeError("name space exhausted")

    def ethnicity(self, unit, hoa_weight: float = 0.03) -> str:
        r = self.rng.random()
        if unit["khmer"]:
            return "Khmer" if r < 0.62 else ("Hoa" if r < 0.62 + hoa_weight else "Kinh")
        if r < 0.04:
            return "Khmer"
        return "Hoa" if r < 0.04 + (0.10 if unit["kind"] == W else hoa_weight) else "Kinh"

    def person(self, unit, birth_first: int, birth_last: int, female_share: float,
               since: dt.date, hoa_weight: float = 0.03):
        rng = self.rng
        gender = "female" if rng.random() < female_share else "male"
        if gender == "female":
            birth_first = max(birth_first, 1960)   # women retire at 55: keep them in office
        ethnicity = self.ethnicity(unit, hoa_weight)
        birth = rand_date(rng, dt.date(birth_first, 1, 1), dt.date(birth_last, 12, 28))
        joined = add_months(birth, rng.randint(21 * 12, 30 * 12))
        latest = min(since - dt.timedelta(days=400), dt.date(2012, 12, 31))
        if joined > latest:
            joined = latest - dt.timedelta(days=rng.randint(0, 600))
        return gender, ethnicity, self.name(ethnicity, gender), birth, joined

    # ---- units --------------------------------------------------------------------------
    def build_units(self):
        self.unit_rows.append(dict(id="ST", name="Tỉnh Sóc Trăng", kind="other", parent_id="",
                                   province=PROVINCE, large_minority="", minority="", area=""))
        for code, dname, _ in DISTRICTS:
            self.unit_rows.append(dict(id=f"ST-{code}", name=dname, kind="other",
                                       parent_id="ST", province=PROVINCE, large_minority="",
                                       minority="", area=""))
        for d_index, (code, _, communes) in enumerate(DISTRICTS):
            for n, (kind, cname, khmer) in enumerate(communes, start=1):
                unit = dict(id=f"ST-{code}-{n:02d}", name=cname, kind=kind,
                            parent_id=f"ST-{code}", khmer=bool(khmer), district=d_index)
                self.units.append(unit)
        assert len(self.units) == N_UNITS
        assert sum(u["khmer"] for u in self.units) == N_KHMER_UNITS

    # ---- qualifications -----------------------------------------------------------------
    def fit_field(self, unit, level: str) -> str:
        if level in ("", "none"):
            return ""
        if level == "elementary":
            return self.rng.choice(["Nông nghiệp", "Quản lý nhà nước"])
        choices = FIT_FIELDS + (RURAL_FIELDS if unit["kind"] != W else [])
        if level == "intermediate":  # no intermediate programme in Party building
            choices = [c for c in choices if c[0] != "Xây dựng Đảng và chính quyền nhà nước"]
        return wchoice(self.rng, choices)

    def study_terms(self, level: str, upgraded: bool):
        """(mode, funding, planned) of a qualification that fits and was planned."""
        if level in ("", "none"):
            return "", "", ""
        if upgraded or level == "elementary":
            return "in_service", "state", "true"
        return (wchoice(self.rng, [("full_time", 45), ("in_service", 55)]), "state", "true")

    def secretaries(self):
        """Decide who the secretaries are in 2010 and 2013, with exact marginals."""
        rng = self.rng
        n = N_UNITS
        replaced = sorted(rng.sample(range(n), N_REPLACED))
        continuing = [i for i in range(n) if i not in replaced]
        nc = len(continuing)

        # Professional level transitions of the 93 who stay (2010 -> 2013, never down).
        prof = ([("university", "university")] * 39 + [("college", "university")] * 12 +
                [("college", "college")] * 7 + [("intermediate", "university")] * 15 +
                [("intermediate", "college")] * 6 + [("intermediate", "intermediate")] * 7 +
                [("elementary", "college")] * 1 + [("elementary", "intermediate")] * 4 +
                [("none", "intermediate")] * 2)
        assert len(prof) == nc
        rng.shuffle(prof)
        stay = [dict(pl10=a, pl13=b) for a, b in prof]

        # General education: 2 stay lower secondary, 6 finish upper secondary meanwhile.
        ll = rng.sample([i for i in range(nc) if stay[i]["pl13"] == "intermediate"], 2)
        lu = rng.sample([i for i in range(nc) if i not in ll
                         and RANK_PL[stay[i]["pl10"]] <= 2 and RANK_PL[stay[i]["pl13"]] <= 3], 6)
        for i in range(nc):
            stay[i]["ge10"] = "lower_secondary" if i in ll or i in lu else "upper_secondary"
            stay[i]["ge13"] = "lower_secondary" if i in ll else "upper_secondary"

        # Political theory: advanced needs at least a college degree and upper secondary.
        taken: list = []
        bb = rng.sample([i for i in range(nc) if stay[i]["pl10"] == "university"], 3)
        taken += bb
        aa = rng.sample([i for i in range(nc) if i not in taken
                         and RANK_PL[stay[i]["pl10"]] >= 3], 36)
        taken += aa
        ia = rng.sample([i for i in range(nc) if i not in taken
                         and RANK_PL[stay[i]["pl13"]] >= 3
                         and stay[i]["ge13"] == "upper_secondary"], 32)
        taken += ia
        rest = [i for i in range(nc) if i not in taken]
        rng.shuffle(rest)
        for i in bb:
            stay[i].update(pt10="bachelor", pt13="bachelor")
        for i in aa:
            stay[i].update(pt10="advanced", pt13="advanced")
        for i in ia:
            stay[i].update(pt10="intermediate", pt13="advanced")
        for k, i in enumerate(rest):
            stay[i].update(pt10="elementary" if k < 4 else "intermediate", pt13="intermediate")

        # Self-funded degrees in fields that do not fit, by bridging or distance study.
        def rose(before, after):
            return [i for i in range(nc) if (stay[i]["pl10"], stay[i]["pl13"]) == (before, after)]
        cu, iu = rose("college", "university"), rose("intermediate", "university")
        ic = rose("intermediate", "college")
        mis_modes = ([(i, "bridging") for i in rng.sample(cu, 5)])
        left_cu = [i for i in cu if i not in [m[0] for m in mis_modes]]
        mis_modes += [(i, "distance") for i in rng.sample(left_cu, 2)]
        iu_pick = rng.sample(iu, 4)
        mis_modes += [(iu_pick[0], "bridging"), (iu_pick[1], "bridging"),
                      (iu_pick[2], "distance"), (iu_pick[3], "distance")]
        mis_modes += [(rng.choice(ic), "distance")]
        fields = MISFIT_FIELDS * 4
        rng.shuffle(fields)
        mismatch = {i: (mode, fields[k]) for k, (i, mode) in enumerate(mis_modes)}
        assert len(mismatch) == N_MISMATCH

        # New secretaries (appointed 2011-2013) and the 2010 secretaries they replaced.
        new_pl = ["university"] * 12 + ["college"] * 3 + ["intermediate"]
        rng.shuffle(new_pl)
        new = [dict(ge13="upper_secondary", pl13=p) for p in new_pl]
        order = [i for i in range(N_REPLACED)]
        cands = [i for i in order if new[i]["pl13"] == "university"]
        nb = rng.sample(cands, 2)
        na = rng.sample([i for i in order if i not in nb and RANK_PL[new[i]["pl13"]] >= 3], 9)
        for i in order:
            new[i]["pt13"] = "bachelor" if i in nb else ("advanced" if i in na else "intermediate")

        old_pl = ["university"] * 2 + ["college"] * 3 + ["intermediate"] * 5 + \
            ["elementary"] * 3 + ["none"] * 3
        rng.shuffle(old_pl)
        old = [dict(pl10=p) for p in old_pl]
        low = [i for i in order if RANK_PL[old[i]["pl10"]] <= 2]
        old_lower = rng.sample(low, 3)
        old_pt_rest = ["intermediate"] * 8 + ["elementary"] * 3
        rng.shuffle(old_pt_rest)
        k = 0
        for i in order:
            old[i]["ge10"] = "lower_secondary" if i in old_lower else "upper_secondary"
            if RANK_PL[old[i]["pl10"]] >= 3:
                old[i]["pt10"] = "advanced"
            else:
                old[i]["pt10"] = old_pt_rest[k]
                k += 1

        # Concurrent chairmen: 3 in both years, 4 gave the chair up, 2 of the replaced,
        # 1 of the newcomers.
        conc_both = rng.sample(range(nc), 7)
        for i in conc_both[:3]:
            stay[i].update(conc10=True, conc13=True)
        for i in conc_both[3:]:
            stay[i].update(conc10=True, conc13=False)
        for i in rng.sample(order, 2):
            old[i]["conc10"] = True
        new[rng.choice(order)]["conc13"] = True

        return replaced, continuing, stay, mismatch, new, old

    def state_management(self, quals13: list):
        """Assign 2013 state management (officer 74, none 21, principal 6, unknown 8)."""
        rng = self.rng
        idx = list(range(len(quals13)))
        principal = rng.sample([i for i in idx if quals13[i]["pl13"] == "university"
                                and RANK_PT[quals13[i]["pt13"]] == 3], 6)
        remaining = [i for i in idx if i not in principal]
        unknown = rng.sample(remaining, 8)
        remaining = [i for i in remaining if i not in unknown]
        # "none" is more likely among the less qualified.
        weights = [(i, 3 if RANK_PT[quals13[i]["pt13"]] < 3 else 1) for i in remaining]
        none: list = []
        while len(none) < 21:
            pick = wchoice(rng, [w for w in weights if w[0] not in none])
            none.append(pick)
        result = []
        for i in idx:
            if i in principal:
                result.append("principal_officer")
            elif i in unknown:
                result.append("")
            elif i in none:
                result.append("none")
            else:
                result.append("officer")
        return result

    def build(self):
        rng = self.rng
        self.build_units()
        replaced, continuing, stay, mismatch, new, old = self.secretaries()

        # ---- the 109 secretaries of 2010, ids C0001..C0109 in unit order -----------------
        sec10: dict = {}   # unit index -> Cadre (2010)
        sec13: dict = {}   # unit index -> Cadre (2013)
        stay_of = {u: k for k, u in enumerate(continuing)}
        old_of = {u: k for k, u in enumerate(replaced)}
        leap_unit = continuing[17]

        # 2013 state management for everyone who is secretary in 2013 (unit order).
        q13_list = []
        for u in range(N_UNITS):
            q13_list.append(stay[stay_of[u]] if u in stay_of else new[old_of[u]])
        sm13 = self.state_management(q13_list)

        for u in range(N_UNITS):
            unit = self.units[u]
            cid = self.new_id()
            if u in stay_of:
                s = stay[stay_of[u]]
                r = rng.random()
                if r < 0.72:
                    since = rand_date(rng, dt.date(2010, 5, 10), dt.date(2010, 7, 20))
                elif r < 0.84:
                    since = rand_date(rng, dt.date(2010, 8, 1), dt.date(2010, 11, 30))
                elif r < 0.94:
                    since = rand_date(rng, dt.date(2005, 5, 1), dt.date(2005, 7, 31))
                else:
                    since = rand_date(rng, dt.date(2007, 3, 1), dt.date(2009, 10, 31))
                gender, eth, name, birth, joined = self.person(unit, 1955, 1978, 0.12, since)
                if u == leap_unit:
                    birth = dt.date(1968, 2, 29)
                    joined = dt.date(1991, 9, 2)
                # Qualification of 2013 and 2010.
                k = stay_of[u]
                q13 = Qual(ge=s["ge13"], pl=s["pl13"], pt=s["pt13"], sm=sm13[u])
                q10 = Qual(ge=s["ge10"], pl=s["pl10"], pt=s["pt10"])
                upgraded = s["pl13"] != s["pl10"]
                if k in mismatch:
                    mode, fld = mismatch[k]
                    q13.field, q13.mode, q13.funding, q13.planned = fld, mode, "self", "false"
                    q10.field = fld
                    q10.mode, q10.funding, q10.planned = self.study_terms(s["pl10"], False)
                else:
                    q13.field = self.fit_field(unit, s["pl13"])
                    if s["pt13"] == "bachelor":
                        q13.field = "Xây dựng Đảng và chính quyền nhà nước"
                    q13.mode, q13.funding, q13.planned = self.study_terms(s["pl13"], upgraded)
                    if upgraded:
                        q10.field = (q13.field if rng.random() < 0.4 and RANK_PL[s["pl10"]] >= 2
                                     else self.fit_field(unit, s["pl10"]))
                        q10.mode, q10.funding, q10.planned = self.study_terms(s["pl10"], False)
                    else:
                        q10.field, q10.mode, q10.funding, q10.planned = (
                            q13.field, q13.mode, q13.funding, q13.planned)
                # 2010 state management never above 2013's.
                if sm13[u] == "principal_officer":
                    q10.sm = "principal_officer" if rng.random() < 0.5 else "officer"
                elif sm13[u] == "officer":
                    q10.sm = "officer" if rng.random() < 0.6 else "none"
                else:
                    q10.sm = sm13[u]
                pos10 = ["secretary", "chairman"] if s.get("conc10") else ["secretary"]
                pos13 = ["secretary", "chairman"] if s.get("conc13") else ["secretary"]
                base = Cadre(cid, name, gender, eth, birth, joined, unit["id"], pos10, since, q10)
                sec10[u] = base
                sec13[u] = replace(base, positions=pos13, q=q13)
                sec13[u].mismatch = k in mismatch
                sec13[u].upgraded_pt = s["pt10"] != s["pt13"] and s["pt13"] == "advanced"
                sec13[u].sm10 = q10.sm
                sec13[u].continuing = True
            else:
                o = old[old_of[u]]
                r = rng.random()
                if r < 0.55:
                    since = rand_date(rng, dt.date(2005, 4, 1), dt.date(2005, 7, 31))
                elif r < 0.8:
                    since = rand_date(rng, dt.date(2010, 5, 10), dt.date(2010, 7, 20))
                else:
                    since = rand_date(rng, dt.date(2006, 3, 1), dt.date(2009, 10, 31))
                gender, eth, name, birth, joined = self.person(unit, 1950, 1965, 0.08, since)
                q10 = Qual(ge=o["ge10"], pl=o["pl10"], pt=o["pt10"])
                q10.field = self.fit_field(unit, o["pl10"])
                q10.mode, q10.funding, q10.planned = self.study_terms(o["pl10"], False)
                q10.sm = wchoice(rng, [("officer", 5), ("none", 4), ("", 1)])
                pos10 = ["secretary", "chairman"] if o.get("conc10") else ["secretary"]
                sec10[u] = Cadre(cid, name, gender, eth, birth, joined, unit["id"], pos10,
                                 since, q10)

        # ---- the 16 newcomers of 2011-2013, ids C0110.. in unit order -----------------------
        years = [2011] * 5 + [2012] * 6 + [2013] * 5
        rng.shuffle(years)
        for k, u in enumerate(replaced):
            unit = self.units[u]
            n = new[k]
            y = years[k]
            since = rand_date(rng, dt.date(y, 4, 1), dt.date(y, 8, 20))
            first = 1983 if k == 0 else 1970   # one newcomer is exactly 30 at the end of 2013
            gender, eth, name, birth, joined = self.person(unit, first, 1983, 0.15, since)
            q = Qual(ge=n["ge13"], pl=n["pl13"], pt=n["pt13"], sm=sm13[u])
            q.field = self.fit_field(unit, n["pl13"])
            if n["pt13"] == "bachelor":
                q.field = "Xây dựng Đảng và chính quyền nhà nước"
            q.mode, q.funding, q.planned = self.study_terms(n["pl13"], False)
            pos = ["secretary", "chairman"] if n.get("conc13") else ["secretary"]
            c = Cadre(self.new_id(), name, gender, eth, birth, joined, unit["id"], pos, since, q)
            c.mismatch, c.upgraded_pt, c.sm10, c.continuing = False, False, None, False
            sec13[u] = c

        # One continuing secretary is exactly 58 at the end of 2013.
        oldest = sec13[continuing[3]]
        oldest.birth = dt.date(1955, 1, 15)
        sec10[continuing[3]].birth = oldest.birth
        if oldest.gender == "female":
            oldest.gender = sec10[continuing[3]].gender = "male"
            # a female name on a male record would look odd; draw a fresh male name
            oldest.full_name = sec10[continuing[3]].full_name = self.name(oldest.ethnicity, "male")

        # ---- deputies, chairmen and vice chairmen (the successor candidates) --------------
        others: dict = {}
        for u in range(N_UNITS):
            unit = self.units[u]
            concurrent = "chairman" in sec13[u].positions
            roles = ["deputy_secretary", "vice_chairman" if concurrent else "chairman"]
            others[u] = []
            for role in roles:
                if role == "deputy_secretary":
                    since = (rand_date(rng, dt.date(2010, 5, 10), dt.date(2010, 7, 20))
                             if rng.random() < 0.7 else
                             rand_date(rng, dt.date(2011, 3, 1), dt.date(2013, 9, 30)))
                elif role == "chairman":
                    r = rng.random()
                    if r < 0.55:    # elected after the People's Council elections of 2011
                        since = rand_date(rng, dt.date(2011, 6, 15), dt.date(2011, 7, 31))
                    elif r < 0.8:
                        since = rand_date(rng, dt.date(2012, 3, 1), dt.date(2013, 10, 31))
                    else:
                        since = rand_date(rng, dt.date(2008, 3, 1), dt.date(2010, 12, 15))
                else:
                    since = rand_date(rng, dt.date(2011, 6, 15), dt.date(2012, 12, 31))
                gender, eth, name, birth, joined = self.person(unit, 1958, 1985, 0.2, since)
                q = self.other_qual(unit)
                c = Cadre("", name, gender, eth, birth, joined, unit["id"], [role], since, q)
                others[u].append(c)
        for u in range(N_UNITS):
            for c in others[u]:
                c.id = self.new_id()

        self.sec10, self.sec13, self.others = sec10, sec13, others
        self.replaced, self.continuing = replaced, continuing
        self.fix_secretary_ages()

    @staticmethod
    def party_date(rng: random.Random, birth: dt.date, since: dt.date) -> dt.date:
        """Joined the Party at 21-30, and at least 400 days before taking the post."""
        joined = add_months(birth, rng.randint(21 * 12, 30 * 12))
        latest = min(since - dt.timedelta(days=400), dt.date(2012, 12, 31))
        if joined > latest:
            joined = latest - dt.timedelta(days=rng.randint(0, 600))
        return joined

    def rebirth(self, c: Cadre, first: dt.date, last: dt.date, twin: Cadre = None) -> None:
        """Draw a new birth date in [first, last] (and a Party date to go with it)."""
        rng = self.ages_rng
        if c.gender == "female":
            first = max(first, dt.date(1961, 1, 1))   # women retire at 55: not before 2016
        assert first <= last, (c.id, first, last)
        c.birth = rand_date(rng, first, last)
        c.party_joined = self.party_date(rng, c.birth, c.since)
        if twin is not None:                          # the same person in the 2010 roster
            twin.birth, twin.party_joined = c.birth, c.party_joined

    def fix_secretary_ages(self):
        """At most 45 when first taking the post (Decision 04/2004/QĐ-BNV art. 5), except
        N_SEC_AGE deliberate cases: the two who took it at 55 in 2010 and retire in January
        2015, before the next congress (the oldest, and one more as drawn); one more elected
        in 2010 past 45; and one newcomer of 2012 brought in from a district department at 47.
        """
        rng = self.ages_rng
        sec13, sec10 = self.sec13, self.sec10
        oldest = self.continuing[3]
        retiring = [u for u in self.continuing
                    if retirement_date(sec13[u].birth, sec13[u].gender) <= NEXT_TERM_START]
        assert oldest in retiring and len(retiring) == 2, retiring
        late_2010 = [u for u in self.continuing if u not in retiring and not sec13[u].mismatch
                     and sec13[u].since.year == 2010
                     and 45 < age_on(sec13[u].birth, sec13[u].since) <= 52]
        deliberate = retiring + [rng.choice(late_2010)]
        late_new = rng.choice([u for k, u in enumerate(self.replaced)
                               if k > 0 and sec13[u].since.year == 2012])
        c = sec13[late_new]
        first = years_before(c.since, 48) + dt.timedelta(days=1)
        c.birth = rand_date(rng, first, first + dt.timedelta(days=300))
        c.party_joined = self.party_date(rng, c.birth, c.since)
        deliberate.append(late_new)
        assert len(deliberate) == N_SEC_AGE
        for u in range(N_UNITS):
            c = sec13[u]
            if u in deliberate:
                assert age_on(c.birth, c.since) > MAX_AGE_AT_APPOINTMENT
                self.plant("standard.age", c)
            elif age_on(c.birth, c.since) > MAX_AGE_AT_APPOINTMENT:
                last = dt.date(1978 if c.continuing else 1983, 12, 28)
                first = years_before(c.since, MAX_AGE_AT_APPOINTMENT + 1) + dt.timedelta(days=1)
                self.rebirth(c, first, last, sec10[u] if c.continuing else None)
        assert sum(retirement_date(c.birth, c.gender) <= NEXT_TERM_START
                   for c in sec13.values()) == 2
        self.late_secretaries = sorted(sec13[u].id for u in deliberate)

    def fix_pool_ages(self, pools):
        """Pool candidates for 2015-2020 are at most 45 on 2015-07-01 and have at least 60
        months to retirement then (Regulation 50-QĐ/TW), except five deliberate cases: the
        one who retires before the term even starts, N_POOL_SHORT with fewer than 60 months
        left, and N_POOL_OLD older than 45 with time enough."""
        rng = self.ages_rng
        by_id = {c.id: c for u in range(N_UNITS) for c in self.others[u]}
        members = []
        for r in pools:
            if by_id[r["cadre_id"]] not in members:
                members.append(by_id[r["cadre_id"]])

        def months_left(c):
            return months_between(NEXT_TERM_START, retirement_date(c.birth, c.gender))

        def too_old(c):
            return age_on(c.birth, NEXT_TERM_START) > MAX_AGE_AT_APPOINTMENT

        retired = [c for c in members
                   if retirement_date(c.birth, c.gender) <= NEXT_TERM_START]
        assert len(retired) == 1, [c.id for c in retired]
        short = [c for c in members if c not in retired and months_left(c) < POOL_MIN_MONTHS]
        old = [c for c in members if too_old(c) and months_left(c) >= POOL_MIN_MONTHS]
        keep = retired + rng.sample(short, N_POOL_SHORT) + rng.sample(old, N_POOL_OLD)
        for c in members:
            if c in keep:
                self.plant("standard.age", c)
            elif too_old(c) or months_left(c) < POOL_MIN_MONTHS:
                # young enough for the pool, and at least 25 when taking the current post
                last = min(dt.date(1985, 12, 28), years_before(c.since, 25))
                self.rebirth(c, dt.date(1969, 7, 2), last)
        self.late_candidates = sorted(c.id for c in keep)
        self.pool_members = members

    def other_qual(self, unit) -> Qual:
        rng = self.rng
        ge = wchoice(rng, [("upper_secondary", 90), ("lower_secondary", 6), ("", 4)])
        pl = wchoice(rng, [("university", 42), ("college", 15), ("intermediate", 28),
                           ("elementary", 5), ("none", 5), ("", 5)])
        if ge == "lower_secondary" and pl in ("university", "college"):
            pl = "intermediate"
        pt = wchoice(rng, [("advanced", 25), ("intermediate", 58), ("elementary", 10),
                           ("none", 3), ("", 4)])
        if pt == "advanced" and pl not in ("university", "college"):
            pt = "intermediate"
        sm = wchoice(rng, [("officer", 50), ("none", 35), ("principal_officer", 3), ("", 12)])
        q = Qual(ge=ge, pl=pl, pt=pt, sm=sm)
        if pl in ("", "none"):
            return q
        if rng.random() < 0.15 and pl in ("university", "college", "intermediate"):
            q.field = rng.choice(OTHER_FIELDS)
        else:
            q.field = self.fit_field(unit, pl)
        mode = wchoice(rng, [("full_time", 35), ("in_service", 50), ("bridging", 8),
                             ("distance", 7)])
        if pl == "elementary":
            mode = "in_service"
        self_funded = mode in ("bridging", "distance") and rng.random() < 0.6
        q.mode = mode
        q.funding = "self" if self_funded else "state"
        q.planned = "false" if self_funded else "true"
        if rng.random() < 0.05:   # not recorded
            q.mode = q.funding = q.planned = ""
        return q

    # ---- trainings -------------------------------------------------------------------------
    def trainings(self):
        rng = self.rng
        rows13, rows10 = [], []
        sec13 = self.sec13

        def session(year: int, month: int, batch: int) -> dt.date:
            return monday_on_or_after(dt.date(year, month, 1)) + dt.timedelta(days=7 * batch)

        def row(cadre_id, course, kind, start, end, provider, status, result, funding,
                planned, cost):
            return dict(cadre_id=cadre_id, course=course, kind=kind, start=start, end=end,
                        provider=provider, status=status, result=result, funding=funding,
                        planned=planned, cost=cost)

        grades = [("good", 5), ("fair", 3), ("excellent", 1), ("pass", 1)]
        cont_units = list(self.continuing)
        gap_units = rng.sample(cont_units, N_MISS_2013 + N_NEVER)
        miss_2013, never = gap_units[:N_MISS_2013], gap_units[N_MISS_2013:]

        # Yearly Party-building refreshers (BD-XDD), in March or September sessions.
        for u in range(N_UNITS):
            c = sec13[u]
            batch = self.units[u]["district"] % 3
            if u in never:
                continue
            if c.continuing:
                years = [2010, 2011, 2012, 2013]
                if u in miss_2013:
                    years = years[:-1]
            else:
                years = [y for y in range(c.since.year, 2014)
                         if not (y == c.since.year and c.since.month > 8)]
            for y in years:
                first_year = y == c.since.year and c.since.month >= 3
                month = 9 if first_year or rng.random() < 0.35 else 3
                if y == c.since.year and month == 3 and c.since > dt.date(y, 3, 1):
                    month = 9
                start = session(y, month, batch)
                r = row(c.id, "BD-XDD", "party_building", start, start + dt.timedelta(days=4),
                        SCHOOL, "completed", wchoice(rng, grades), "state", "true", 1500000)
                rows13.append(r)
                if y == 2010:
                    rows10.append(r)
        # The replaced secretaries' 2010 refreshers (the 2010 roster only).
        for k, u in enumerate(self.replaced):
            if k % 5 == 4:
                continue  # a few never went
            c = self.sec10[u]
            start = session(2010, 3 if rng.random() < 0.6 else 9, self.units[u]["district"] % 3)
            rows10.append(row(c.id, "BD-XDD", "party_building", start,
                              start + dt.timedelta(days=4), SCHOOL, "completed",
                              wchoice(rng, grades), "state", "true", 1500000))

        # Advanced political theory (LLCT-CC) that lifted 32 secretaries to `advanced`,
        # plus three newcomers who finished it before their appointment.
        starts = [dt.date(2010, 9, 6), dt.date(2011, 3, 7), dt.date(2011, 9, 5),
                  dt.date(2012, 3, 5), dt.date(2012, 9, 10), dt.date(2013, 3, 4)]
        llct = [u for u in range(N_UNITS) if sec13[u].upgraded_pt]
        newcomers_adv = [u for u in self.replaced if sec13[u].q.pt == "advanced"]
        llct += rng.sample(newcomers_adv, 3)
        llct.sort()
        no_skills = set(rng.sample(llct, 9))
        for u in llct:
            c = sec13[u]
            if c.continuing:
                start = rng.choice(starts)
            else:
                start = rng.choice([s for s in starts if s < c.since - dt.timedelta(days=260)]
                                   or [starts[0]])
            end = add_months(start, 8) - dt.timedelta(days=3)
            r = row(c.id, "LLCT-CC", "political_theory", start, end, ACADEMY, "completed",
                    wchoice(rng, grades), "state", "true", 25000000)
            rows13.append(r)
            if c.continuing and start.year == 2010:
                rows10.append(dict(r, status="in_progress", result=""))
            if u not in no_skills:
                # the skills module paired with the political theory course (point 1)
                month = 10 if end.month <= 9 else 4
                s = monday_on_or_after(dt.date(end.year, month, 1))
                rows13.append(row(c.id, "KN-BT", "skills", s, s + dt.timedelta(days=11), SCHOOL,
                                  "completed", wchoice(rng, grades), "state", "true", 3000000))

        # State management programmes behind the 2010 -> 2013 rises.
        for u in range(N_UNITS):
            c = sec13[u]
            if not c.continuing or c.sm10 == c.q.sm:
                continue
            course, provider, cost, months = (
                ("QLNN-CV", SCHOOL, 4500000, 2) if c.q.sm == "officer"
                else ("QLNN-CVC", NAPA, 8000000, 3))
            year = rng.choice([2011, 2012, 2013])
            month = rng.choice([5, 10] if course == "QLNN-CV" else [6])
            start = monday_on_or_after(dt.date(year, month, 1))
            end = add_months(start, months) - dt.timedelta(days=3)
            rows13.append(row(c.id, course, "state_management", start, end, provider,
                              "completed", wchoice(rng, grades), "state", "true", cost))

        # Failures, a cancellation and courses still under way at the end of 2013.
        inter = [u for u in range(N_UNITS) if sec13[u].q.pt == "intermediate"
                 and RANK_PL[sec13[u].q.pl] >= 3 and sec13[u].since.year <= 2011]
        picks = rng.sample(inter, 4)
        for u in picks[:3]:
            s = dt.date(2013, 9, 9)
            rows13.append(row(sec13[u].id, "LLCT-CC", "political_theory", s,
                              add_months(s, 8) - dt.timedelta(days=3), ACADEMY, "in_progress",
                              "", "state", "true", 25000000))
        s = dt.date(2012, 3, 5)
        rows13.append(row(sec13[picks[3]].id, "LLCT-CC", "political_theory", s,
                          add_months(s, 8) - dt.timedelta(days=3), ACADEMY, "failed", "fail",
                          "state", "true", 25000000))
        none_sm = [u for u in range(N_UNITS) if sec13[u].q.sm == "none"]
        u = rng.choice(none_sm)
        s = dt.date(2012, 5, 7)
        rows13.append(row(sec13[u].id, "QLNN-CV", "state_management", s,
                          add_months(s, 2) - dt.timedelta(days=3), SCHOOL, "failed", "fail",
                          "state", "true", 4500000))
        u = rng.choice([x for x in range(N_UNITS) if x not in llct])
        s = dt.date(2013, 10, 7)
        rows13.append(row(sec13[u].id, "KN-BT", "skills", s, s + dt.timedelta(days=11), SCHOOL,
                          "cancelled", "", "state", "true", 0))
        cc = [u for u in self.continuing if sec13[u].q.pl == "college" and not sec13[u].mismatch]
        u = rng.choice(cc)
        rows13.append(row(sec13[u].id, "DH-XDD", "professional", dt.date(2011, 9, 12),
                          dt.date(2014, 8, 29), ACADEMY, "in_progress", "", "state", "true",
                          36000000))

        # Three self-funded degrees through a liaison centre that is not accredited.
        mis = [u for u in range(N_UNITS) if sec13[u].mismatch]
        for u in rng.sample(mis, 3):
            c = sec13[u]
            code = {"Môi trường": "DH-MT", "Địa chính": "DH-DC", "Kế toán": "DH-KT"}[c.q.field]
            code += "-LT" if c.q.mode == "bridging" else "-TX"
            start = dt.date(rng.choice([2011, 2012]), 3, 12)
            end = add_months(start, 18) - dt.timedelta(days=10)
            rows13.append(row(c.id, code, "professional", start, end, UNACCREDITED, "completed",
                              "pass", "self", "false", 28000000))
            self.plant("point1.accredited_provider", c)
            self.plant("point4.unplanned_study", c)

        # What the rows above plant (point 1 and point 3).
        for u in llct:
            if u in no_skills:
                self.plant("point1.skills_pairing", sec13[u])
        for u in gap_units:
            self.plant("point3.annual_refresher", sec13[u])
        self.refresher_gaps = (sorted(sec13[u].id for u in miss_2013),
                               sorted(sec13[u].id for u in never))

        # Point 2: secretaries left out of the term's training plan. Two who never went to a
        # refresher and had no other course, and in two districts three secretaries each who
        # went only to refresher classes their district centre ran on its own, paid by the
        # communes and outside the province's plan (point 4 too).
        courses_of: dict = {}
        for r in rows13:
            courses_of.setdefault(r["cadre_id"], set()).add(r["course"])
        unplanned = [sec13[u] for u in never if sec13[u].id not in courses_of]
        eligible: dict = {}
        for u in self.continuing:
            if u not in gap_units and not sec13[u].mismatch \
                    and courses_of.get(sec13[u].id) == {"BD-XDD"}:
                eligible.setdefault(self.units[u]["district"], []).append(u)
        districts = self.plan_rng.sample(
            sorted(d for d, us in eligible.items() if len(us) >= N_DISTRICT_REFRESH), 2)
        self.district_refreshers = []
        for d in sorted(districts):
            name = DISTRICTS[d][1]
            centre = "Trung tâm Bồi dưỡng chính trị " + name[0].lower() + name[1:]
            for u in sorted(self.plan_rng.sample(eligible[d], N_DISTRICT_REFRESH)):
                c = sec13[u]
                for r in rows13:      # the 2010 roster holds the same row objects
                    if r["cadre_id"] == c.id:
                        r.update(provider=centre, funding="other", planned="false",
                                 cost=1000000)
                unplanned.append(c)
                self.district_refreshers.append((c.id, centre))
                self.plant("point4.unplanned_study", c)
        for c in unplanned:
            self.plant("point2.plan_at_term_start", c)
        self.unplanned_secretaries = sorted(c.id for c in unplanned)

        rows13 += self.candidate_trainings(row, grades)

        order = {c.id: k for k, c in enumerate(self.cadres13_order())}
        rows13.sort(key=lambda r: (order[r["cadre_id"]], r["start"], r["course"]))
        order10 = {self.sec10[u].id: u for u in range(N_UNITS)}
        rows10.sort(key=lambda r: (order10[r["cadre_id"]], r["start"], r["course"]))
        return rows13, rows10

    def candidate_trainings(self, row, grades):
        """The pool's training plan (point 2): every candidate for 2015-2020 has at least one
        course in the plan ending within the 2010-2015 term, chosen by what they lack for the
        secretary post (political theory, state management) plus the secretary-skills module;
        courses of 2012-2013 are completed, those of 2014-2015 still `planned`. Except in
        N_UNPLANNED_POOLS units whose committee built the pool but never planned its training.
        """
        rng = self.plan_rng
        unit_index = {u["id"]: k for k, u in enumerate(self.units)}
        size: dict = {}
        for r in self.pool_rows:
            size[r["unit_id"]] = size.get(r["unit_id"], 0) + 1
        full = sorted(unit_index[uid] for uid, n in size.items() if n == 2)
        idle = set(rng.sample(full, N_UNPLANNED_POOLS))
        self.unplanned_pool_units = sorted(self.units[u]["id"] for u in idle)

        def monday(year, month):
            return monday_on_or_after(dt.date(year, month, 1))

        rows = []
        for c in self.pool_members:
            if unit_index[c.unit_id] in idle:
                self.plant("point2.plan_at_term_start", c)
                continue
            q = c.q
            own = []
            if q.pt in ("", "none", "elementary"):
                s = monday(2014, rng.choice([3, 9]))
                own.append(row(c.id, "LLCT-TC", "political_theory", s,
                               add_months(s, 6) - dt.timedelta(days=3), SCHOOL, "planned", "",
                               "state", "true", 8000000))
            elif q.pt == "intermediate" and q.pl in ("university", "college") \
                    and rng.random() < 0.3:
                s = monday(2014, rng.choice([3, 9]))
                own.append(row(c.id, "LLCT-CC", "political_theory", s,
                               add_months(s, 8) - dt.timedelta(days=3), ACADEMY, "planned", "",
                               "state", "true", 25000000))
            if q.sm == "none":
                s = monday(2014, rng.choice([5, 10]))
                own.append(row(c.id, "QLNN-CV", "state_management", s,
                               add_months(s, 2) - dt.timedelta(days=3), SCHOOL, "planned", "",
                               "state", "true", 4500000))
            elif q.sm == "officer" and rng.random() < 0.25:
                s = monday(rng.choice([2012, 2013]), rng.choice([5, 10]))
                own.append(row(c.id, "QLNN-CV", "state_management", s,
                               add_months(s, 2) - dt.timedelta(days=3), SCHOOL, "completed",
                               wchoice(rng, grades), "state", "true", 4500000))
            r = rng.random()
            if r < 0.45:
                s = monday(*rng.choice([(2012, 10), (2013, 4), (2013, 10)]))
                own.append(row(c.id, "KN-BT", "skills", s, s + dt.timedelta(days=11), SCHOOL,
                               "completed", wchoice(rng, grades), "state", "true", 3000000))
            elif r < 0.75 or not own:
                s = monday(*rng.choice([(2014, 4), (2014, 10), (2015, 4)]))
                own.append(row(c.id, "KN-BT", "skills", s, s + dt.timedelta(days=11), SCHOOL,
                               "planned", "", "state", "true", 3000000))
            assert any(x["planned"] == "true" and x["end"] <= TERM_LAST_DAY for x in own)
            rows += own
        return rows

    def plant_qualifications(self):
        """Findings the 2013 qualifications carry by construction."""
        for c in self.sec13.values():
            if c.q.ge == "lower_secondary":      # the seed's 2 of 109
                self.plant("standard.general_education", c)
            if c.mismatch:                        # self-funded, unplanned, unfitting field
                self.plant("point4.field_mismatch", c)
                self.plant("point4.unplanned_study", c)

    def cadres13_order(self):
        for u in range(N_UNITS):
            yield self.sec13[u]
            yield from self.others[u]

    # ---- pools and budgets ---------------------------------------------------------------
    def pools(self):
        rng = self.rng
        units = list(range(N_UNITS))
        special = rng.sample(units, POOL_EMPTY + POOL_SINGLE)
        empty, single = special[:POOL_EMPTY], special[POOL_EMPTY:]
        rows = []
        for u in units:
            if u in empty:
                continue
            members = list(self.others[u])
            if u in single:
                members = [rng.choice(members)]
            for c in members:
                # planned after taking the current post where the dates allow it
                first = max(dt.date(2011, 3, 1), c.since + dt.timedelta(days=30))
                if first > dt.date(2012, 11, 30):
                    first = dt.date(2011, 3, 1)
                rows.append(dict(unit_id=self.units[u]["id"], position="secretary",
                                 cadre_id=c.id, term="2015-2020",
                                 added_on=rand_date(rng, first, dt.date(2012, 11, 30))))
        self.pool_empty = sorted(self.units[u]["id"] for u in empty)
        self.pool_single = sorted(self.units[u]["id"] for u in single)
        for u in empty:     # 1 to 3 candidates per post: an empty pool is too small
            self.plant("point2.successor_pool", None, self.units[u]["id"])
        self.pool_rows = rows
        return rows

    def budgets(self):
        rng = self.rng
        special = rng.sample(range(N_UNITS), N_LOW_BUDGET + N_DIVERTED)
        low, diverted = special[:N_LOW_BUDGET], special[N_LOW_BUDGET:]
        rows = []
        for u in range(N_UNITS):
            if u in low:
                base = rng.randint(12, 18) * 500000
            else:
                base = rng.randint(30, 72) * 500000
            for y in (2011, 2012, 2013):
                allocated = base + (y - 2011) * rng.choice([0, 500000, 1000000])
                if u in low:
                    allocated = min(allocated, 9500000)
                else:
                    allocated = max(15000000, min(allocated, 40000000))
                share = rng.uniform(0.25, 0.48) if u in diverted else rng.uniform(0.80, 1.0)
                spent = int(round(allocated * share / 1000.0)) * 1000
                rows.append(dict(unit_id=self.units[u]["id"], year=y, allocated=allocated,
                                 spent=spent))
        self.low_budget = sorted(self.units[u]["id"] for u in low)
        self.diverted = sorted(self.units[u]["id"] for u in diverted)
        for uid in self.low_budget:       # below 10 million per secretary
            self.plant("point5.budget_floor", None, uid)
        for uid in self.diverted:         # less than 80 % spent on training
            self.plant("point5.budget_diverted", None, uid)
        return rows


def courses_rows():
    return [
        dict(id="LLCT-TC", name="Trung cấp lý luận chính trị - hành chính", kind="political_theory",
             provider=SCHOOL, cost=8000000, days=180, confers="intermediate", requires="none",
             accredited="true", capacity=120, months="3;9"),
        dict(id="LLCT-CC", name="Cao cấp lý luận chính trị", kind="political_theory",
             provider=ACADEMY, cost=25000000, days=240, confers="advanced",
             requires="intermediate", accredited="true", capacity=40, months="3;9"),
        dict(id="BD-XDD", name="Bồi dưỡng nghiệp vụ công tác đảng cho bí thư đảng ủy cấp xã",
             kind="party_building", provider=SCHOOL, cost=1500000, days=5, confers="",
             requires="", accredited="true", capacity=150, months="3;9"),
        dict(id="KN-BT", name="Bồi dưỡng kỹ năng lãnh đạo, quản lý của bí thư đảng ủy cấp xã",
             kind="skills", provider=SCHOOL, cost=3000000, days=10, confers="", requires="",
             accredited="true", capacity=120, months="4;10"),
        dict(id="QLNN-CV", name="Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên",
             kind="state_management", provider=SCHOOL, cost=4500000, days=60, confers="officer",
             requires="none", accredited="true", capacity=100, months="5;10"),
        dict(id="QLNN-CVC",
             name="Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên chính",
             kind="state_management", provider=NAPA, cost=8000000, days=90,
             confers="principal_officer", requires="officer", accredited="true", capacity=30,
             months="6"),
        dict(id="DH-XDD", name="Đại học Xây dựng Đảng và chính quyền nhà nước (vừa làm vừa học)",
             kind="professional", provider=ACADEMY, cost=36000000, days=1080,
             confers="university", requires="intermediate", accredited="true", capacity=50,
             months="9", part_time="true"),  # studied while working: refreshers fit inside
        dict(id="DH-LUAT-LT", name="Liên thông cao đẳng lên đại học ngành Luật",
             kind="professional", provider=CANTHO, cost=24000000, days=540, confers="university",
             requires="college", accredited="true", capacity=60, months="9",
             part_time="true"),  # bridging for serving cadres, in-service too
    ]


def generate() -> dict:
    """Return {relative path: file bytes} for every file this script owns."""
    return generate_all()[0]


def generate_all():
    """({relative path: file bytes}, the Generator that made them)."""
    g = Generator()
    g.build()
    pools = g.pools()
    g.fix_pool_ages(pools)
    budgets = g.budgets()
    trainings13, trainings10 = g.trainings()
    g.plant_qualifications()

    sp = Speller()
    files = {}

    unit_rows = list(g.unit_rows)
    for u in g.units:
        unit_rows.append(dict(
            id=u["id"], name=u["name"], kind=sp.code("kind", u["kind"], 0.10),
            parent_id=u["parent_id"], province=PROVINCE,
            large_minority=sp.code("large_minority", "true" if u["khmer"] else "false", 0.10),
            minority="Khmer" if u["khmer"] else "",
            area=sp.code("area", "urban" if u["kind"] == W else "plains", 0.08)))
    units_csv = csv_bytes(UNIT_COLUMNS, unit_rows)
    files[f"{DIR_2013}/units.csv"] = units_csv
    files[f"{DIR_2010}/units.csv"] = units_csv

    def cadre_row(c: Cadre):
        q = c.q
        return dict(
            id=c.id, full_name=c.full_name, gender=c.gender, ethnicity=c.ethnicity,
            birth_date=sp.date(c.birth, "birth_date"),
            party_joined=sp.date(c.party_joined, "party_joined"), unit_id=c.unit_id,
            positions=sp.positions(c.positions), position_since=sp.date(c.since, "position_since"),
            general_education=sp.code("general_education", q.ge),
            professional_level=engineer_only_for_technical(
                sp.code("professional_level", q.pl), q.field),
            professional_field=q.field,
            professional_mode=sp.code("professional_mode", q.mode),
            professional_funding=sp.code("funding", q.funding),
            professional_planned=q.planned,
            political_theory=sp.code("political_theory", q.pt),
            state_management=sp.code("state_management", q.sm))

    files[f"{DIR_2013}/cadres.csv"] = csv_bytes(
        CADRE_COLUMNS, [cadre_row(c) for c in g.cadres13_order()])
    files[f"{DIR_2010}/cadres.csv"] = csv_bytes(
        CADRE_COLUMNS, [cadre_row(g.sec10[u]) for u in range(N_UNITS)])

    files[f"{DIR_2013}/pools.csv"] = csv_bytes(POOL_COLUMNS, [
        dict(r, position=sp.code("position", r["position"], 0.03),
             added_on=sp.date(r["added_on"], "added_on", 0.08))
        for r in pools])

    def training_row(r):
        return dict(cadre_id=r["cadre_id"], course=r["course"],
                    kind=sp.code("training_kind", r["kind"], 0.08),
                    start_date=sp.date(r["start"], "start_date"),
                    end_date=sp.date(r["end"], "end_date"),
                    provider=r["provider"], status=r["status"], result=r["result"],
                    funding=sp.code("funding", r["funding"], 0.08), planned=r["planned"],
                    cost=sp.money(r["cost"], "cost", 0.06))

    files[f"{DIR_2013}/trainings.csv"] = csv_bytes(TRAINING_COLUMNS,
                                                   [training_row(r) for r in trainings13])
    files[f"{DIR_2010}/trainings.csv"] = csv_bytes(TRAINING_COLUMNS,
                                                   [training_row(r) for r in trainings10])
    files[f"{DIR_2013}/budgets.csv"] = csv_bytes(BUDGET_COLUMNS, [
        dict(unit_id=r["unit_id"], year=r["year"], allocated=sp.money(r["allocated"], "allocated"),
             spent_on_training=sp.money(r["spent"], "spent_on_training")) for r in budgets])
    files[COURSES_FILE] = csv_bytes(COURSE_COLUMNS, courses_rows())
    return files, g


def expected_pairs_bytes(g: Generator) -> bytes:
    """The planted findings as `rule,cadre_id,unit_id` lines, sorted (cadre_id empty for a
    unit's finding): what `cadreplan check soc-trang-2013 --as-of 2013-12-31` must report,
    finding by finding, once repeated years and records are merged."""
    return csv_bytes(PAIR_COLUMNS, [dict(zip(PAIR_COLUMNS, p)) for p in sorted(g.planted)])


def write_all(root: str) -> None:
    for rel, data in generate().items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        print(f"wrote {os.path.relpath(path)}")


# ======================================================================================
# Independent verification (--check): parse the files as FORMATS.md says, assert figures.
# Nothing below uses the generator's tables; the codes come from FORMATS.md.
# ======================================================================================
def fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) != "Mn")
    return " ".join(text.lower().split())


def code_table(spec: dict) -> dict:
    table = {}
    for code, labels in spec.items():
        for label in [code] + labels:
            table[fold(label)] = code
    return table


CODES = {
    "unit_kind": code_table({"commune": ["xã"], "ward": ["phường"], "township": ["thị trấn"],
                             "special_zone": ["đặc khu"], "other": []}),
    "area": code_table({"plains": ["đồng bằng"], "urban": ["đô thị"], "mountainous": ["miền núi"],
                        "disadvantaged": ["đặc biệt khó khăn"]}),
    "position": code_table({"secretary": ["bí thư"], "deputy_secretary": ["phó bí thư"],
                            "chairman": ["chủ tịch UBND"], "vice_chairman": ["phó chủ tịch UBND"],
                            "council_chair": ["chủ tịch HĐND"], "other": []}),
    "general_education": code_table({
        "lower_secondary": ["THCS", "trung học cơ sở", "9/12", "7/10"],
        "upper_secondary": ["THPT", "trung học phổ thông", "12/12", "10/10"],
        "primary": ["tiểu học"]}),
    "professional_level": code_table({
        "none": [], "elementary": ["sơ cấp"], "intermediate": ["trung cấp"],
        "college": ["cao đẳng"], "university": ["đại học", "cử nhân", "kỹ sư"],
        "master": ["thạc sĩ"], "doctor": ["tiến sĩ"]}),
    "political_theory": code_table({
        "none": [], "elementary": ["sơ cấp"], "intermediate": ["trung cấp"],
        "advanced": ["cao cấp", "cao cấp và tương đương"], "bachelor": ["cử nhân chính trị"]}),
    "state_management": code_table({
        "none": [], "officer": ["chuyên viên"], "principal_officer": ["chuyên viên chính"],
        "senior_officer": ["chuyên viên cao cấp"]}),
    "mode": code_table({"full_time": ["chính quy"], "in_service": ["vừa làm vừa học", "tại chức"],
                        "bridging": ["liên thông"], "distance": ["từ xa"]}),
    "funding": code_table({"state": ["ngân sách"], "self": ["tự túc", "tự bỏ kinh phí"],
                           "other": []}),
    "training_kind": code_table({"political_theory": [], "state_management": [],
                                 "professional": [], "other": [],
                                 "party_building": ["bồi dưỡng nghiệp vụ công tác đảng"],
                                 "skills": ["kỹ năng"]}),
    "status": code_table({"planned": [], "in_progress": [], "completed": [], "failed": [],
                          "cancelled": []}),
    "bool": code_table({"true": ["có"], "false": ["không"]}),
}


class CheckError(AssertionError):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckError(message)


class Table:
    """A CSV file read with the csv module; cells parsed on demand, non-canonical noted."""

    def __init__(self, path: str, required: list):
        self.path = path
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            self.columns = [c.lower() for c in reader.fieldnames]
            self.rows = [{k.lower(): (v or "") for k, v in r.items()} for r in reader]
        for c in required:
            expect(c in self.columns, f"{path}: missing column {c}")
        self.alternatives: dict = {}

    def note(self, column: str, raw: str, canonical: str) -> None:
        if raw and raw != canonical:
            self.alternatives.setdefault(column, {}).setdefault(raw, 0)
            self.alternatives[column][raw] += 1

    def code(self, row: dict, column: str, table: str) -> str:
        raw = row[column].strip()
        if raw == "":
            return ""
        value = CODES[table].get(fold(raw))
        expect(value is not None, f"{self.path}: {column}: bad code {raw!r}")
        self.note(column, raw, value)
        return value

    def codes(self, row: dict, column: str, table: str) -> list:
        return [self.code({column: part}, column, table) for part in row[column].split(";")]

    def date(self, row: dict, column: str):
        raw = row[column].strip()
        if raw == "":
            return None
        try:
            if "/" in raw:
                d, m, y = raw.split("/")
                value = dt.date(int(y), int(m), int(d))
            else:
                value = dt.date.fromisoformat(raw)
        except ValueError:
            raise CheckError(f"{self.path}: {column}: bad date {raw!r}")
        self.note(column, raw, value.isoformat())
        return value

    def money(self, row: dict, column: str):
        raw = row[column].strip()
        if raw == "":
            return None
        digits = raw.replace(".", "").replace(",", "")
        expect(digits.isdigit(), f"{self.path}: {column}: bad amount {raw!r}")
        self.note(column, raw, digits)
        return int(digits)


def count(values) -> dict:
    out: dict = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def check_units(root: str, folder: str):
    t = Table(os.path.join(root, folder, "units.csv"), ["id", "name", "kind"])
    units = {}
    for r in t.rows:
        expect(r["id"] not in units, f"duplicate unit id {r['id']}")
        expect(r["id"].isascii(), f"non-ASCII unit id {r['id']}")
        units[r["id"]] = dict(kind=t.code(r, "kind", "unit_kind"), parent=r["parent_id"],
                              large=t.code(r, "large_minority", "bool"), minority=r["minority"],
                              area=t.code(r, "area", "area"), name=r["name"])
    for uid, u in units.items():
        expect(u["parent"] == "" or u["parent"] in units, f"unit {uid}: parent unresolved")
    level = {k: u for k, u in units.items() if u["kind"] in ("commune", "ward", "township")}
    expect(len(level) == 109, f"{len(level)} commune-level units")
    kinds = count(u["kind"] for u in level.values())
    expect(kinds == {"commune": 80, "ward": 17, "township": 12}, f"kinds {kinds}")
    districts = [k for k, u in units.items() if u["parent"] == "ST"]
    expect(len(districts) == 11 and all(units[d]["kind"] == "other" for d in districts),
           "11 district-level units of kind other under ST")
    expect(units["ST"]["kind"] == "other" and units["ST"]["parent"] == "", "province unit ST")
    for uid, u in level.items():
        expect(u["parent"] in districts, f"{uid}: parent is not a district")
        expect(u["area"] == ("urban" if u["kind"] == "ward" else "plains"), f"{uid}: area")
        expect((u["large"] == "true") == (u["minority"] == "Khmer"), f"{uid}: minority")
        expect(u["large"] in ("true", "false"), f"{uid}: large_minority unknown")
    khmer = sum(1 for u in level.values() if u["large"] == "true")
    expect(khmer == 47, f"{khmer} Khmer units")
    return units, level, t


def read_cadres(root: str, folder: str, units: dict):
    t = Table(os.path.join(root, folder, "cadres.csv"),
              ["id", "full_name", "birth_date", "unit_id", "positions"])
    cadres = {}
    for r in t.rows:
        expect(r["id"] not in cadres, f"duplicate cadre id {r['id']}")
        expect(r["id"].isascii(), f"non-ASCII cadre id {r['id']}")
        expect(r["unit_id"] in units, f"cadre {r['id']}: unit unresolved")
        cadres[r["id"]] = dict(
            name=r["full_name"], gender=r["gender"], ethnicity=r["ethnicity"],
            birth=t.date(r, "birth_date"), joined=t.date(r, "party_joined"),
            unit=r["unit_id"], positions=t.codes(r, "positions", "position"),
            since=t.date(r, "position_since"),
            ge=t.code(r, "general_education", "general_education"),
            pl=t.code(r, "professional_level", "professional_level"),
            field=r["professional_field"], mode=t.code(r, "professional_mode", "mode"),
            funding=t.code(r, "professional_funding", "funding"),
            planned=t.code(r, "professional_planned", "bool"),
            pt=t.code(r, "political_theory", "political_theory"),
            sm=t.code(r, "state_management", "state_management"))
    return cadres, t


def secretary_stats(cadres: dict, level: dict, as_of: dt.date):
    """(figures, {id: cadre}) of the secretaries of commune-level units as of a date."""
    sec = {k: c for k, c in cadres.items() if "secretary" in c["positions"]
           and c["unit"] in level and (c["since"] is None or c["since"] <= as_of)}
    pt = count("advanced" if c["pt"] == "bachelor" else c["pt"] for c in sec.values())
    return dict(
        cadres=len(sec), units=len({c["unit"] for c in sec.values()}),
        concurrent=sum(1 for c in sec.values() if "chairman" in c["positions"]),
        general_education=count(c["ge"] for c in sec.values()),
        professional_level=count(c["pl"] for c in sec.values()),
        political_theory=pt, bachelor=sum(1 for c in sec.values() if c["pt"] == "bachelor"),
        state_management=count(c["sm"] or "unknown" for c in sec.values()),
        ethnicity=count(c["ethnicity"] for c in sec.values()),
        gender=count(c["gender"] for c in sec.values()),
        ages=(min(as_of.year - c["birth"].year for c in sec.values()),
              max(as_of.year - c["birth"].year for c in sec.values())),
    ), sec


def age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def run_check(root: str) -> int:
    report = []
    units, level, tu = check_units(root, DIR_2013)
    with open(os.path.join(root, DIR_2013, "units.csv"), "rb") as a, \
            open(os.path.join(root, DIR_2010, "units.csv"), "rb") as b:
        expect(a.read() == b.read(), "units.csv differs between the rosters")
    tables = [tu]

    # ---- 2013 -------------------------------------------------------------------------------
    cadres, tc = read_cadres(root, DIR_2013, units)
    tables.append(tc)
    for k, c in cadres.items():
        expect(c["unit"] in level, f"{k}: cadre outside a commune-level unit")
    stats13, sec13 = secretary_stats(cadres, level, AS_OF_2013)
    expect(stats13["cadres"] == 109 and stats13["units"] == 109, "one secretary per unit")
    for key in ("general_education", "professional_level", "political_theory"):
        expect(stats13[key] == TARGET_2013[key], f"2013 {key}: {stats13[key]}")
    expect(stats13["bachelor"] == 5, "5 bachelor")
    expect(stats13["concurrent"] == 4, f"2013 concurrent {stats13['concurrent']}")
    expect(all(c["since"] and c["since"] <= AS_OF_2013 for c in sec13.values()),
           "secretary position_since after 2013-12-31")
    ages = [age(c["birth"], AS_OF_2013) for c in sec13.values()]
    expect(min(ages) == 30 and max(ages) == 58, f"secretary ages {min(ages)}-{max(ages)}")
    expect(any((c["birth"].month, c["birth"].day) == (2, 29) for c in sec13.values()),
           "a secretary born on 29 February")
    for k, c in cadres.items():
        expect(c["joined"] is None or c["joined"] < c["since"], f"{k}: joined the Party late")
    mism = [c for c in sec13.values() if fold(c["field"]) in ("moi truong", "dia chinh", "ke toan")]
    expect(len(mism) == 12, f"{len(mism)} mismatched fields")
    expect(all(c["funding"] == "self" and c["planned"] == "false"
               and c["mode"] in ("bridging", "distance") for c in mism), "mismatch terms")
    # the other cadres: deputy + chairman, or deputy + vice chairman where concurrent
    by_unit: dict = {}
    for k, c in cadres.items():
        if k not in sec13:
            by_unit.setdefault(c["unit"], []).append(c)
    conc_units = {c["unit"] for c in sec13.values() if "chairman" in c["positions"]}
    for uid in level:
        roles = sorted(p for c in by_unit.get(uid, []) for p in c["positions"])
        want = sorted(["deputy_secretary", "vice_chairman" if uid in conc_units else "chairman"])
        expect(roles == want, f"{uid}: other cadres {roles}")
        for c in by_unit[uid]:
            expect(28 <= age(c["birth"], AS_OF_2013) <= 55, f"{uid}: candidate age")
            expect(c["since"] <= AS_OF_2013, f"{uid}: candidate since")

    # pools
    tp = Table(os.path.join(root, DIR_2013, "pools.csv"),
               ["unit_id", "position", "cadre_id", "term"])
    tables.append(tp)
    sizes: dict = {}
    seen = set()
    for r in tp.rows:
        expect(r["unit_id"] in level and r["cadre_id"] in cadres, "pool reference unresolved")
        expect(tp.code(r, "position", "position") == "secretary" and r["term"] == "2015-2020",
               "pool position/term")
        c = cadres[r["cadre_id"]]
        expect(c["unit"] == r["unit_id"] and r["cadre_id"] not in sec13, "pool member")
        expect((r["unit_id"], r["cadre_id"]) not in seen, "duplicate pool row")
        seen.add((r["unit_id"], r["cadre_id"]))
        added = tp.date(r, "added_on")
        expect(dt.date(2011, 1, 1) <= added <= dt.date(2012, 12, 31), "added_on in 2011-2012")
        sizes[r["unit_id"]] = sizes.get(r["unit_id"], 0) + 1
    pool_sizes = count(sizes.get(u, 0) for u in level)
    expect(pool_sizes == {2: 101, 1: 5, 0: 3}, f"pool sizes {pool_sizes}")

    # trainings
    tt = Table(os.path.join(root, DIR_2013, "trainings.csv"),
               ["cadre_id", "course", "kind", "start_date", "end_date"])
    tables.append(tt)
    trainings = []
    for r in tt.rows:
        expect(r["cadre_id"] in cadres, f"training of unknown cadre {r['cadre_id']}")
        tr = dict(cadre=r["cadre_id"], course=r["course"], kind=tt.code(r, "kind", "training_kind"),
                  start=tt.date(r, "start_date"), end=tt.date(r, "end_date"),
                  provider=r["provider"], status=tt.code(r, "status", "status"),
                  funding=tt.code(r, "funding", "funding"), planned=tt.code(r, "planned", "bool"),
                  cost=tt.money(r, "cost"))
        expect(tr["start"] <= tr["end"], "training ends before it starts")
        trainings.append(tr)
    refresh: dict = {}
    for tr in trainings:
        if tr["kind"] == "party_building" and tr["status"] == "completed":
            refresh.setdefault(tr["cadre"], set()).add(tr["start"].year)
    never = [k for k in sec13 if k not in refresh]
    miss13 = [k for k in sec13 if k in refresh and 2013 not in refresh[k]]
    expect(len(never) == 4, f"{len(never)} secretaries never refreshed")
    expect(len(miss13) == 10, f"{len(miss13)} secretaries without a 2013 refresher")
    unacc = [tr for tr in trainings if tr["provider"] == UNACCREDITED]
    expect(len(unacc) == 3, "3 unaccredited trainings")
    status = count(tr["status"] for tr in trainings)
    expect(status.get("failed") == 2 and status.get("cancelled") == 1
           and status.get("in_progress") == 4, f"statuses {status}")
    expect(all(tr["end"].year == 2014 for tr in trainings if tr["status"] == "in_progress"),
           "in-progress courses end in 2014")
    expect(all(tr["end"] <= AS_OF_2013 for tr in trainings
               if tr["status"] not in ("in_progress", "planned")), "finished courses end by 2013")
    expect(all(AS_OF_2013 < tr["start"] and tr["end"] <= TERM_LAST_DAY and tr["planned"] == "true"
               and tr["cadre"] not in sec13 for tr in trainings if tr["status"] == "planned"),
           "planned courses: candidates', in 2014 to mid-2015, planned")
    expect(all(tr["planned"] == "true" and tr["funding"] == "state" for tr in trainings
               if tr["provider"] in (SCHOOL, ACADEMY, NAPA)), "provincial plan courses")
    llct = [tr for tr in trainings if tr["course"] == "LLCT-CC" and tr["status"] == "completed"]
    expect(all(cadres[tr["cadre"]]["pt"] in ("advanced", "bachelor") for tr in llct),
           "LLCT-CC graduate not advanced")

    # the rules the roster is built around (default profile), and their deliberate exceptions
    members = sorted({r["cadre_id"] for r in tp.rows})
    late_sec = sorted(k for k, c in sec13.items()
                      if age(c["birth"], c["since"]) > MAX_AGE_AT_APPOINTMENT)
    expect(len(late_sec) == 4, f"secretaries who took the post past 45: {late_sec}")
    retire = {k: retirement_date(c["birth"], c["gender"]) for k, c in cadres.items()}
    late_pool = sorted(k for k in members if age(cadres[k]["birth"], NEXT_TERM_START) > 45
                       or months_between(NEXT_TERM_START, retire[k]) < POOL_MIN_MONTHS)
    expect(len(late_pool) == 5, f"pool candidates too old for 2015-2020: {late_pool}")
    expect(sum(retire[k] <= NEXT_TERM_START for k in sec13) == 2
           and sum(retire[k] <= NEXT_TERM_START for k in members) == 1,
           "2 secretaries and 1 pool candidate retire before the 2015 congress")
    expect(all(retire[k] > AS_OF_2013 for k in cadres), "a cadre past retirement")
    in_plan = {tr["cadre"] for tr in trainings if tr["planned"] == "true"
               and TERM_START <= tr["end"] <= TERM_LAST_DAY}
    plan_sec = sorted(k for k in sec13 if k not in in_plan)
    plan_pool = sorted(k for k in members if k not in in_plan)
    expect(len(plan_sec) == 8, f"secretaries without a planned course: {plan_sec}")
    expect(len(plan_pool) == 10, f"pool candidates without a planned course: {plan_pool}")
    outside = sorted({tr["cadre"] for tr in trainings if tr["cadre"] in sec13
                      and tr["kind"] == "party_building" and tr["planned"] == "false"})
    expect(len(outside) == 6 and set(outside) <= set(plan_sec),
           f"secretaries refreshed outside the plan: {outside}")

    # budgets
    tb = Table(os.path.join(root, DIR_2013, "budgets.csv"), ["unit_id", "year", "allocated"])
    tables.append(tb)
    budget: dict = {}
    for r in tb.rows:
        expect(r["unit_id"] in level, "budget of unknown unit")
        key = (r["unit_id"], int(r["year"]))
        expect(key not in budget, f"duplicate budget {key}")
        budget[key] = (tb.money(r, "allocated"), tb.money(r, "spent_on_training"))
    expect(sorted(budget) == sorted((u, y) for u in level for y in (2011, 2012, 2013)),
           "budgets: each unit, 2011-2013")
    low = sorted({u for (u, y), (a, s) in budget.items() if a < 10000000})
    diverted = sorted({u for (u, y), (a, s) in budget.items() if s < a * 0.5})
    years = (2011, 2012, 2013)
    expect(len(low) == 4 and all(budget[(u, y)][0] < 10000000 for u in low for y in years),
           f"low budgets {low}")
    expect(len(diverted) == 6 and all(budget[(u, y)][1] < budget[(u, y)][0] * 0.5
                                      for u in diverted for y in (2011, 2012, 2013)),
           f"diverted {diverted}")
    for (u, y), (a, s) in budget.items():
        if u not in low:
            expect(15000000 <= a <= 40000000, f"allocated {u} {y}")
        if u not in diverted:
            expect(0.8 * a <= s <= a, f"spent {u} {y}")

    # ---- 2010 -------------------------------------------------------------------------------
    units10, level10, tu10 = check_units(root, DIR_2010)
    cadres10, tc10 = read_cadres(root, DIR_2010, units10)
    tables.append(tc10)
    stats10, sec10 = secretary_stats(cadres10, level10, AS_OF_2010)
    expect(len(cadres10) == 109 and stats10["cadres"] == 109 and stats10["units"] == 109,
           "2010: one secretary per unit")
    for key in ("general_education", "professional_level", "political_theory"):
        expect(stats10[key] == TARGET_2010[key], f"2010 {key}: {stats10[key]}")
    expect(stats10["concurrent"] == 9, f"2010 concurrent {stats10['concurrent']}")
    expect(all(c["since"] <= AS_OF_2010 for c in sec10.values()), "2010 position_since")
    same = [k for k in sec10 if k in sec13]
    expect(len(same) == 93, f"{len(same)} secretaries in both rosters")
    for k in same:
        a, b = sec10[k], sec13[k]
        for key in ("name", "birth", "gender", "ethnicity", "joined", "unit", "since"):
            expect(a[key] == b[key], f"{k}: {key} differs between rosters")
        expect(RANK_GE[b["ge"]] >= RANK_GE[a["ge"]], f"{k}: general education fell")
        expect(RANK_PL[b["pl"]] >= RANK_PL[a["pl"]], f"{k}: professional level fell")
        expect(RANK_PT[b["pt"]] >= RANK_PT[a["pt"]], f"{k}: political theory fell")
        expect(b["sm"] != "" or a["sm"] == "", f"{k}: state management became unknown")
        if a["sm"] and b["sm"]:
            expect(RANK_SM[b["sm"]] >= RANK_SM[a["sm"]], f"{k}: state management fell")
    tt10 = Table(os.path.join(root, DIR_2010, "trainings.csv"),
                 ["cadre_id", "course", "kind", "start_date", "end_date"])
    tables.append(tt10)
    for r in tt10.rows:
        expect(r["cadre_id"] in cadres10, "2010 training of unknown cadre")
        tt10.code(r, "kind", "training_kind")
        tt10.date(r, "start_date")
        tt10.date(r, "end_date")
        tt10.money(r, "cost")
        tt10.code(r, "funding", "funding")

    # ---- catalogue --------------------------------------------------------------------------
    tk = Table(os.path.join(root, COURSES_FILE), ["id", "name", "kind", "provider", "cost", "days"])
    ids = [r["id"] for r in tk.rows]
    expect(len(ids) == len(set(ids)) == 8, "8 unique courses")
    level_table = {"political_theory": "political_theory", "professional": "professional_level",
                   "state_management": "state_management"}
    for r in tk.rows:
        kind = tk.code(r, "kind", "training_kind")
        tk.money(r, "cost")
        expect(r["days"].isdigit() and r["capacity"].isdigit(), "days/capacity")
        expect(all(1 <= int(m) <= 12 for m in r["months"].split(";")), "months")
        expect(r["part_time"] in ("", "true"), f"{r['id']}: part_time")
        expect((r["part_time"] == "true") == (kind == "professional"),
               f"{r['id']}: only the degree programmes are part-time")
        for col in ("confers", "requires"):
            if r[col]:
                expect(kind in level_table, f"{r['id']}: {col} on a {kind} course")
                tk.code(r, col, level_table[kind])

    # ---- determinism --------------------------------------------------------------------------
    files, g = generate_all()
    for rel, data in files.items():
        with open(os.path.join(root, rel), "rb") as f:
            expect(f.read() == data, f"{rel} is not what the generator writes")

    # ---- the findings planted, for the C++ tests to compare `cadreplan check` with --------------
    pairs_path = os.path.normpath(os.path.join(root, PAIRS_FILE))
    os.makedirs(os.path.dirname(pairs_path), exist_ok=True)
    with open(pairs_path, "wb") as f:
        f.write(expected_pairs_bytes(g))

    # ---- report -----------------------------------------------------------------------------
    def show(title, stats):
        report.append(title)
        for key in ("cadres", "concurrent", "general_education", "professional_level",
                    "political_theory", "bachelor", "state_management", "ethnicity", "gender",
                    "ages"):
            report.append(f"  {key}: {stats[key]}")
    show("2013 secretaries as of 2013-12-31", stats13)
    show("2010 secretaries as of 2010-12-31", stats10)
    report.append(f"  in both rosters: {len(same)}")
    others = [c for k, c in cadres.items() if k not in sec13]
    report.append(f"2013 cadres: {len(cadres)} ({len(others)} successor candidates); "
                  f"pool sizes {pool_sizes}; trainings {len(trainings)} "
                  f"(statuses {status}); 2010 trainings {len(tt10.rows)}")
    report.append(f"budgets: low {low}; diverted {diverted}")
    report.append(f"took the post past 45: {late_sec}; pool candidates too old: {late_pool}")
    report.append(f"without a planned course: secretaries {plan_sec}; candidates {plan_pool}")
    report.append(f"refreshed outside the plan: {outside}")
    report.append(f"planted findings: {dict(sorted(count(p[0] for p in g.planted).items()))}; "
                  f"wrote {os.path.relpath(pairs_path)}")
    report.append("alternative spellings by file and column:")
    for t in tables + [tk]:
        for column, variants in sorted(t.alternatives.items()):
            if column.endswith(("date", "_on", "_joined", "_since")):
                listed = f"{sum(variants.values())} dates as DD/MM/YYYY, e.g. {min(variants)}"
            elif column in ("cost", "allocated", "spent_on_training"):
                listed = (f"{sum(variants.values())} amounts with separators, e.g. "
                          + ", ".join(sorted({min(v for v in variants if sep in v)
                                              for sep in ".," if any(sep in v for v in variants)})))
            else:
                listed = ", ".join(f"{v!r}×{n}" for v, n in sorted(variants.items()))
            report.append(f"  {os.path.relpath(t.path, root)} {column}: {listed}")
    print("\n".join(report))
    print("check: OK")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="verify the files on disk instead of writing them")
    args = parser.parse_args(argv)
    if args.check:
        try:
            return run_check(HERE)
        except (CheckError, OSError, KeyError) as error:
            print(f"check: FAILED: {error}", file=sys.stderr)
            return 1
    write_all(HERE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
