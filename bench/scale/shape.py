"""The shape of the national dataset: the 98 municipalities, how many rows of each table a
full-scale run makes, and the mixes the generators draw from.

Shares of the households follow population, except that København counts half: the yearly
quota (kommunekvote) takes the immigrants already living in a municipality into account, so
the capital receives fewer refugees than its size suggests. Aarhus is the one the load test
drives and is pinned at 8 % of the households, the largest of all.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

# Rows a run at --scale 1 makes.
FULL_SCALE = {
    "households": 50_000,
    "persons": 150_000,
    "milestones": 1_000_000,
    "volunteers": 5_000,
    "tasks": 200_000,
    "units": 20_000,
    "measures": 100_000,
    "audit": 2_000_000,
}

LARGEST = "aarhus"
LARGEST_SHARE = 0.08

# kommunekode, name, slug, population in thousands (rounded; it only sets the proportions).
MUNICIPALITIES: tuple[tuple[str, str, str, int], ...] = (
    ("101", "København", "koebenhavn", 660), ("147", "Frederiksberg", "frederiksberg", 104),
    ("151", "Ballerup", "ballerup", 52), ("153", "Brøndby", "broendby", 35),
    ("155", "Dragør", "dragoer", 14), ("157", "Gentofte", "gentofte", 75),
    ("159", "Gladsaxe", "gladsaxe", 70), ("161", "Glostrup", "glostrup", 23),
    ("163", "Herlev", "herlev", 29), ("165", "Albertslund", "albertslund", 28),
    ("167", "Hvidovre", "hvidovre", 54), ("169", "Høje-Taastrup", "hoeje-taastrup", 51),
    ("173", "Lyngby-Taarbæk", "lyngby-taarbaek", 57), ("175", "Rødovre", "roedovre", 41),
    ("183", "Ishøj", "ishoej", 23), ("185", "Tårnby", "taarnby", 43),
    ("187", "Vallensbæk", "vallensbaek", 17), ("190", "Furesø", "furesoe", 41),
    ("201", "Allerød", "alleroed", 26), ("210", "Fredensborg", "fredensborg", 41),
    ("217", "Helsingør", "helsingoer", 64), ("219", "Hillerød", "hilleroed", 52),
    ("223", "Hørsholm", "hoersholm", 25), ("230", "Rudersdal", "rudersdal", 57),
    ("240", "Egedal", "egedal", 44), ("250", "Frederikssund", "frederikssund", 46),
    ("253", "Greve", "greve", 51), ("259", "Køge", "koege", 62),
    ("260", "Halsnæs", "halsnaes", 31), ("265", "Roskilde", "roskilde", 90),
    ("269", "Solrød", "solroed", 24), ("270", "Gribskov", "gribskov", 41),
    ("306", "Odsherred", "odsherred", 33), ("316", "Holbæk", "holbaek", 72),
    ("320", "Faxe", "faxe", 37), ("326", "Kalundborg", "kalundborg", 49),
    ("329", "Ringsted", "ringsted", 36), ("330", "Slagelse", "slagelse", 80),
    ("336", "Stevns", "stevns", 23), ("340", "Sorø", "soroe", 30),
    ("350", "Lejre", "lejre", 28), ("360", "Lolland", "lolland", 40),
    ("370", "Næstved", "naestved", 84), ("376", "Guldborgsund", "guldborgsund", 60),
    ("390", "Vordingborg", "vordingborg", 46), ("400", "Bornholm", "bornholm", 39),
    ("410", "Middelfart", "middelfart", 39), ("420", "Assens", "assens", 41),
    ("430", "Faaborg-Midtfyn", "faaborg-midtfyn", 52), ("440", "Kerteminde", "kerteminde", 24),
    ("450", "Nyborg", "nyborg", 32), ("461", "Odense", "odense", 207),
    ("479", "Svendborg", "svendborg", 59), ("480", "Nordfyns", "nordfyns", 29),
    ("482", "Langeland", "langeland", 12), ("492", "Ærø", "aeroe", 6),
    ("510", "Haderslev", "haderslev", 55), ("530", "Billund", "billund", 27),
    ("540", "Sønderborg", "soenderborg", 74), ("550", "Tønder", "toender", 37),
    ("561", "Esbjerg", "esbjerg", 115), ("563", "Fanø", "fanoe", 3),
    ("573", "Varde", "varde", 50), ("575", "Vejen", "vejen", 43),
    ("580", "Aabenraa", "aabenraa", 59), ("607", "Fredericia", "fredericia", 52),
    ("615", "Horsens", "horsens", 96), ("621", "Kolding", "kolding", 95),
    ("630", "Vejle", "vejle", 120), ("657", "Herning", "herning", 90),
    ("661", "Holstebro", "holstebro", 59), ("665", "Lemvig", "lemvig", 19),
    ("671", "Struer", "struer", 21), ("706", "Syddjurs", "syddjurs", 43),
    ("707", "Norddjurs", "norddjurs", 37), ("710", "Favrskov", "favrskov", 49),
    ("727", "Odder", "odder", 23), ("730", "Randers", "randers", 99),
    ("740", "Silkeborg", "silkeborg", 97), ("741", "Samsø", "samsoe", 4),
    ("746", "Skanderborg", "skanderborg", 64), ("751", "Aarhus", "aarhus", 360),
    ("756", "Ikast-Brande", "ikast-brande", 42),
    ("760", "Ringkøbing-Skjern", "ringkoebing-skjern", 56),
    ("766", "Hedensted", "hedensted", 47), ("773", "Morsø", "morsoe", 20),
    ("779", "Skive", "skive", 46), ("787", "Thisted", "thisted", 43),
    ("791", "Viborg", "viborg", 97), ("810", "Brønderslev", "broenderslev", 36),
    ("813", "Frederikshavn", "frederikshavn", 58),
    ("820", "Vesthimmerlands", "vesthimmerlands", 36),
    ("825", "Læsø", "laesoe", 2), ("840", "Rebild", "rebild", 31),
    ("846", "Mariagerfjord", "mariagerfjord", 42), ("849", "Jammerbugt", "jammerbugt", 38),
    ("851", "Aalborg", "aalborg", 220), ("860", "Hjørring", "hjoerring", 64),
)


def household_shares() -> list[float]:
    """Each municipality's share of the households, in the order of MUNICIPALITIES."""
    weights = [population * (0.5 if slug == "koebenhavn" else 1.0)
               for _, _, slug, population in MUNICIPALITIES]
    largest = next(i for i, row in enumerate(MUNICIPALITIES) if row[2] == LARGEST)
    rest = sum(w for i, w in enumerate(weights) if i != largest)
    shares = [LARGEST_SHARE if i == largest else (1 - LARGEST_SHARE) * w / rest
              for i, w in enumerate(weights)]
    assert max(shares) == shares[largest], "the load-tested municipality must be the largest"
    return shares


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, in whole numbers that add up exactly
    (largest remainder)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def adjust_to_total(counts: list[int], total: int, *, low: int, high: Sequence[int] | int,
                    rng: random.Random) -> None:
    """Nudge `counts` one at a time (each kept within [low, high]) until they add up to
    `total`; raises if the bounds cannot hold it."""
    highs = [high] * len(counts) if isinstance(high, int) else list(high)
    if not low * len(counts) <= total <= sum(highs):
        raise ValueError(f"{total} does not fit {len(counts)} counts in [{low}, {high}]")
    difference = total - sum(counts)
    step = 1 if difference > 0 else -1
    while difference:
        i = rng.randrange(len(counts))
        value = counts[i] + step
        if low <= value <= highs[i]:
            counts[i] = value
            difference -= step


# Residence bases: of the 2022 peak arrivals most came under the special act for Ukrainians.
BASES_PEAK = (("ukrainian_special_act", 85), ("asylum_refugee", 7), ("family_reunified", 5),
              ("quota_refugee", 2), ("other_immigrant", 1))
BASES_OTHER = (("asylum_refugee", 34), ("family_reunified", 28), ("ukrainian_special_act", 22),
               ("quota_refugee", 11), ("other_immigrant", 5))

# Origin groups: languages spoken, the letter language, first and last names.
ORIGINS = {
    "ukraine": (["uk", "ru"], "uk",
                ["Olena", "Oksana", "Iryna", "Natalia", "Andrii", "Oleksandr", "Dmytro",
                 "Yulia", "Serhii", "Tetiana", "Mykola", "Anastasiia", "Viktor", "Kateryna"],
                ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk",
                 "Boyko", "Oliinyk", "Lysenko", "Moroz", "Petrenko", "Savchenko"]),
    "syria": (["ar"], "ar",
              ["Ahmad", "Mohammad", "Fatima", "Aisha", "Omar", "Rasha", "Khaled", "Lina",
               "Yousef", "Hiba", "Samer", "Nour", "Rami", "Maya"],
              ["Al-Hassan", "Haddad", "Khalil", "Nasser", "Saleh", "Darwish", "Hamdan",
               "Mansour", "Qasim", "Sabbagh", "Youssef", "Zidan"]),
    "eritrea": (["ti", "am"], "ti",
                ["Yonas", "Selam", "Tesfay", "Helen", "Dawit", "Saba", "Mussie", "Ruta",
                 "Filmon", "Senait", "Bereket", "Winta"],
                ["Tesfamariam", "Ghebremedhin", "Haile", "Kidane", "Berhane", "Woldu",
                 "Mehari", "Tekle", "Asmerom", "Gebru"]),
    "afghanistan": (["prs", "ps"], "prs",
                    ["Ahmad", "Zahra", "Mohammad", "Maryam", "Ali", "Farzana", "Hamid",
                     "Nargis", "Javid", "Shabnam", "Rahim", "Soraya"],
                    ["Ahmadi", "Hakimi", "Karimi", "Rahimi", "Noori", "Sultani", "Haidari",
                     "Amiri", "Safi", "Wardak"]),
    "iran": (["fa"], "fa",
             ["Reza", "Sara", "Mehdi", "Leila", "Amir", "Niloufar", "Hossein", "Parisa",
              "Babak", "Shirin"],
             ["Hosseini", "Mohammadi", "Rezaei", "Moradi", "Kazemi", "Jafari", "Ghasemi",
              "Sadeghi"]),
    "somalia": (["so"], "so",
                ["Abdi", "Hodan", "Mohamed", "Fadumo", "Ahmed", "Amina", "Hassan", "Sahra",
                 "Ismail", "Ayaan"],
                ["Ali", "Farah", "Hussein", "Omar", "Warsame", "Jama", "Abdullahi", "Yusuf"]),
    "kurdistan": (["kmr", "ar"], "ar",
                  ["Baran", "Rojda", "Azad", "Berivan", "Dilan", "Heval", "Rezan", "Zelal"],
                  ["Ibrahim", "Mustafa", "Osman", "Kaya", "Aziz", "Bakir", "Murad"]),
}
ORIGINS_BY_BASIS = {
    "ukrainian_special_act": (("ukraine", 1),),
    "asylum_refugee": (("syria", 35), ("eritrea", 20), ("afghanistan", 20), ("iran", 10),
                       ("somalia", 5), ("kurdistan", 10)),
    "quota_refugee": (("syria", 30), ("eritrea", 20), ("afghanistan", 20), ("somalia", 20),
                      ("kurdistan", 10)),
    "family_reunified": (("syria", 40), ("eritrea", 25), ("afghanistan", 15), ("somalia", 10),
                         ("iran", 10)),
    "other_immigrant": (("iran", 40), ("ukraine", 30), ("syria", 30)),
}
NATIONALITY = {"ukraine": "Ukrainsk", "syria": "Syrisk", "eritrea": "Eritreisk",
               "afghanistan": "Afghansk", "iran": "Iransk", "somalia": "Somalisk",
               "kurdistan": "Syrisk"}

DANISH_FIRST = ["Anne", "Mette", "Hanne", "Lone", "Karen", "Susanne", "Peter", "Jens",
                "Lars", "Søren", "Michael", "Henrik", "Camilla", "Louise", "Mads", "Rasmus",
                "Ida", "Freja", "Birgitte", "Ole", "Niels", "Kirsten", "Thomas", "Line"]
DANISH_LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen",
               "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen",
               "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen"]
STREETS = ["Skolevej", "Kirkevej", "Stationsvej", "Møllevej", "Vestergade", "Østergade",
           "Nørregade", "Søndergade", "Parkvej", "Engvej", "Bakkevej", "Birkevej", "Skovvej",
           "Åboulevarden", "Rosenvænget", "Lærkevej", "Fasanvej", "Vibevej"]

HOUSEHOLD_STATUS = (("announced", 7), ("arrived", 10), ("in_programme", 58), ("closed", 25))
# Persons per household: mean about 3, as 150,000 persons in 50,000 households.
HOUSEHOLD_SIZES = ((1, 30), (2, 15), (3, 15), (4, 15), (5, 12), (6, 8), (7, 5))

ACTIONS = (("view", 55), ("update", 25), ("create", 15), ("download", 3), ("export", 2))
SUMMARIES = {
    "create": ("Case registered from an arrival notice", "Person added", "Measure planned",
               "Home reserved (permanent)", "Journal note written"),
    "update": ("Case details changed", "Milestone done", "Caseworker assigned",
               "Household arrived", "Measure started", "Moved in (permanent home)"),
    "view": ("", "Case page viewed", "CPR number shown"),
    "download": ("Case summary PDF downloaded", "Letter downloaded"),
    "export": ("Report exported as CSV",),
}
CHANGED_FIELDS = (["status"], ["caseworker"], ["address"], ["done_on", "done_by"],
                  ["phone", "email"], ["status", "actual_starts_on"])

MEASURE_CATEGORY_WEIGHTS = {
    "igu": 8, "company_internship": 22, "language_internship": 14, "wage_subsidy_private": 8,
    "wage_subsidy_public": 4, "small_job": 9, "ordinary_job": 12, "education": 8,
    "job_training": 7, "special_upskilling": 4, "other": 4,
}
EMPLOYERS = ["Netto", "Føtex", "Danish Crown", "ISS Facility Services", "Arla Foods",
             "Plejecenter Solhøj", "Vestas", "Lidl", "Bygma", "Kommunens Vej og Park",
             "Hotel Marina", "Jysk", "DSV", "Rengøringsselskabet A/S", "Bageriet Kornet"]
