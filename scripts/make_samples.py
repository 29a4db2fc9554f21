"""Writes the sample elections under resources/elections/ (run again after changing this file).

The samples are generated because a conference roll holds hundreds of delegates: 187 member States
with two Government, one Employers' and one Workers' delegate each, like the International Labour
Conference; the professional sample is a council elected from candidate lists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "resources" / "elections"
LANGUAGES = ["en", "fr", "es"]
STATIONS = [
    {"id": "booth-1", "name": {"en": "Booth 1", "fr": "Isoloir 1", "es": "Cabina 1"}},
    {"id": "booth-2", "name": {"en": "Booth 2", "fr": "Isoloir 2", "es": "Cabina 2"}},
]
POLL_WORKERS = [
    {"id": "pw-1", "name": "Poll worker 1", "stations": ["booth-1"]},
    {"id": "pw-2", "name": "Poll worker 2", "stations": ["booth-2"]},
]
ANSWERS = [("yes", "Yes", "Oui", "Sí"), ("no", "No", "Non", "No"),
           ("abstain", "Abstain", "Abstention", "Abstención")]
# A Convention or a Recommendation needs two-thirds of the votes cast, and the vote counts only if
# the yes and no votes reach half the delegates attending (ILO Constitution, art. 19; Standing Orders).
ILC_RULE = {"majority": "two-thirds", "quorum": {"share": 0.5, "base": "attending"}}

# Outdated maritime Conventions superseded by the Maritime Labour Convention, 2006, one vote each to
# abrogate or withdraw them: (number, year, en, fr, es).
MARITIME = [
    (7, 1920, "Minimum Age (Sea)", "l'âge minimum (travail maritime)", "la edad mínima (trabajo marítimo)"),
    (8, 1920, "Unemployment Indemnity (Shipwreck)", "les indemnités de chômage (naufrage)",
     "las indemnizaciones de desempleo (naufragio)"),
    (9, 1920, "Placing of Seamen", "le placement des marins", "la colocación de la gente de mar"),
    (16, 1921, "Medical Examination of Young Persons (Sea)",
     "l'examen médical des jeunes gens (travail maritime)",
     "el examen médico de los menores (trabajo marítimo)"),
    (22, 1926, "Seamen's Articles of Agreement", "le contrat d'engagement des marins",
     "el contrato de enrolamiento de la gente de mar"),
    (23, 1926, "Repatriation of Seamen", "le rapatriement des marins", "la repatriación de la gente de mar"),
    (53, 1936, "Officers' Competency Certificates", "les brevets de capacité des officiers",
     "los certificados de capacidad de los oficiales"),
    (54, 1936, "Holidays with Pay (Sea)",
     "les congés payés des marins", "las vacaciones pagadas de la gente de mar"),
    (55, 1936, "Shipowners' Liability (Sick and Injured Seamen)",
     "les obligations de l'armateur en cas de maladie "
     "ou d'accident des gens de mer", "las obligaciones del armador en caso de enfermedad o accidente"),
    (56, 1936, "Sickness Insurance (Sea)", "l'assurance-maladie des gens de mer",
     "el seguro de enfermedad de la gente de mar"),
    (57, 1936, "Hours of Work and Manning (Sea)", "la durée du travail à bord et les effectifs",
     "las horas de trabajo a bordo y la dotación"),
    (58, 1936, "Minimum Age (Sea) (Revised)", "l'âge minimum (travail maritime) (révisée)",
     "la edad mínima (trabajo marítimo) (revisado)"),
    (68, 1946, "Food and Catering (Ships' Crews)",
     "l'alimentation et le service de table (équipage des navires)",
     "la alimentación y el servicio de fonda (tripulación de buques)"),
    (69, 1946, "Certification of Ships' Cooks",
     "le diplôme de capacité professionnelle des cuisiniers de navire",
     "el certificado de aptitud de los cocineros de buque"),
    (70, 1946, "Social Security (Seafarers)", "la sécurité sociale des gens de mer",
     "la seguridad social de la gente de mar"),
    (72, 1946, "Paid Vacations (Seafarers)", "les congés payés des marins",
     "las vacaciones pagadas de la gente de mar"),
    (73, 1946, "Medical Examination (Seafarers)", "l'examen médical des gens de mer",
     "el examen médico de la gente de mar"),
    (74, 1946, "Certification of Able Seamen", "les certificats de capacité de matelot qualifié",
     "el certificado de marinero preferente"),
    (75, 1946, "Accommodation of Crews", "le logement des équipages", "el alojamiento de la tripulación"),
    (76, 1946, "Wages, Hours of Work and Manning (Sea)",
     "les salaires, la durée du travail à bord et les effectifs",
     "los salarios, las horas de trabajo a bordo y la dotación"),
    (91, 1949, "Paid Vacations (Seafarers) (Revised)", "les congés payés des marins (révisée)",
     "las vacaciones pagadas de la gente de mar (revisado)"),
    (92, 1949, "Accommodation of Crews (Revised)", "le logement des équipages (révisée)",
     "el alojamiento de la tripulación (revisado)"),
    (93, 1949, "Wages, Hours of Work and Manning (Sea) (Revised)",
     "les salaires, la durée du travail à bord et les effectifs (révisée)",
     "los salarios, las horas de trabajo a bordo y la dotación (revisado)"),
    (109, 1958, "Wages, Hours of Work and Manning (Sea) (Revised)",
     "les salaires, la durée du travail à bord et les effectifs (révisée)",
     "los salarios, las horas de trabajo a bordo y la dotación (revisado)"),
]


def text(en: str, fr: str, es: str) -> dict[str, str]:
    return {"en": en, "fr": fr, "es": es}


def yes_no_abstain(qid: str, title: dict[str, str], rule: dict[str, Any]) -> dict[str, Any]:
    options = [{"id": i, "label": text(en, fr, es), "role": i} for i, en, fr, es in ANSWERS]
    return {"id": qid, "kind": "single", "title": title, "options": options, "rule": rule}


def ilc_sessions() -> list[dict[str, Any]]:
    budget = yes_no_abstain("adoption", text(
        "Adopt the Programme and Budget for 2024–25?",
        "Adopter le programme et budget pour 2024-25 ?",
        "¿Adoptar el Programa y Presupuesto para 2024-25?"), ILC_RULE)
    osh = [
        yes_no_abstain("convention", text(
            "Adopt the Convention concerning protection against biological hazards in the working "
            "environment?",
            "Adopter la convention concernant la protection contre les risques biologiques en "
            "milieu de travail ?",
            "¿Adoptar el Convenio sobre la protección contra los peligros biológicos en el entorno "
            "de trabajo?"),
            ILC_RULE),
        yes_no_abstain("recommendation", text(
            "Adopt the Recommendation concerning protection against biological hazards "
            "in the working environment?",
            "Adopter la recommandation concernant la protection contre les risques biologiques "
            "en milieu de travail ?",
            "¿Adoptar la Recomendación sobre la protección contra los peligros biológicos "
            "en el entorno de trabajo?"), ILC_RULE),
    ]
    maritime = [
        yes_no_abstain(f"q{n:02d}", text(
            f"Abrogate or withdraw the {en} Convention, {year} (No. {number})?",
            f"Abroger ou retirer la convention (no {number}) sur {fr}, {year} ?",
            f"¿Derogar o retirar el Convenio sobre {es}, {year} (núm. {number})?"), ILC_RULE)
        for n, (number, year, en, fr, es) in enumerate(MARITIME, start=1)
    ]
    apprenticeships = yes_no_abstain("adoption", text(
        "Adopt the Recommendation concerning quality apprenticeships?",
        "Adopter la recommandation sur les apprentissages de qualité ?",
        "¿Adoptar la Recomendación sobre los aprendizajes de calidad?"), ILC_RULE)
    return [
        {"id": "programme-budget", "mode": "recorded",
         "title": text("Programme and Budget", "Programme et budget", "Programa y Presupuesto"),
         "questions": [budget]},
        {"id": "osh", "counts_by_group": True,
         "title": text("Occupational safety and health", "Sécurité et santé au travail",
                       "Seguridad y salud en el trabajo"),
         "questions": osh},
        {"id": "maritime", "counts_by_group": True,
         "title": text("Abrogation and withdrawal of maritime instruments",
                       "Abrogation et retrait d'instruments maritimes",
                       "Derogación y retiro de instrumentos marítimos"),
         "questions": maritime},
        {"id": "apprenticeships", "counts_by_group": True,
         "title": text("Quality apprenticeships", "Apprentissages de qualité", "Aprendizajes de calidad"),
         "questions": [apprenticeships]},
    ]


def ilc_voters(sessions: list[str]) -> list[dict[str, Any]]:
    seats = [("government", "Government delegate 1"), ("government", "Government delegate 2"),
             ("employers", "Employers' delegate"), ("workers", "Workers' delegate")]
    voters = []
    for state in range(1, 188):
        for seat, (group, role) in enumerate(seats, start=1):
            voters.append({
                "id": f"s{state:03d}-{seat}", "name": f"{role}, member State {state:03d}",
                "group": group, "sessions": sessions, "station": STATIONS[state % 2]["id"],
                "language": LANGUAGES[state % 3],
            })
    return voters


def ilc() -> dict[str, Any]:
    sessions = ilc_sessions()
    return {
        "id": "ilc-2023-plenary",
        "title": text("International Labour Conference, 111th Session: plenary votes",
                      "Conférence internationale du Travail, 111e session : votes en plénière",
                      "Conferencia Internacional del Trabajo, 111.ª reunión: votaciones en plenaria"),
        "languages": LANGUAGES,
        "groups": [
            {"id": "government", "name": text("Government", "Gouvernement", "Gobierno")},
            {"id": "employers", "name": text("Employers", "Employeurs", "Empleadores")},
            {"id": "workers", "name": text("Workers", "Travailleurs", "Trabajadores")},
        ],
        "stations": STATIONS,
        "sessions": sessions,
        "voters": ilc_voters([s["id"] for s in sessions]),
        "poll_workers": POLL_WORKERS,
        "verify_url": "https://vote.example.org/ilc-2023-plenary/verify",
    }


COUNCILS = [
    ("north", text("Northern regional council", "Conseil régional du Nord", "Consejo regional del Norte"),
     7, "highest-average"),
    ("south", text("Southern regional council", "Conseil régional du Sud", "Consejo regional del Sur"),
     5, "largest-remainder"),
    ("national", text("National board", "Conseil national", "Junta nacional"), 9, "highest-average"),
]
LISTS = [
    ("practice", text("Practice first", "La pratique d'abord", "La práctica primero")),
    ("young", text("Young professionals", "Jeunes professionnels", "Jóvenes profesionales")),
    ("independent", text("Independent members", "Membres indépendants", "Miembros independientes")),
    ("ethics", text("Ethics and standards", "Éthique et normes", "Ética y normas")),
]
SURNAMES = ["Martin", "Okafor", "García", "Nguyen", "Dubois", "Silva", "Haddad", "Kowalski", "Rossi",
            "Tanaka", "Mensah", "Petrov", "Lindqvist", "Moreau", "Ruiz", "Banerjee", "Costa", "Keller"]
GIVEN = ["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M."]


def council_question(council: str, title: dict[str, str], seats: int, method: str) -> dict[str, Any]:
    lists = []
    for n, (list_id, label) in enumerate(LISTS):
        names = [f"{GIVEN[(n * 3 + i) % len(GIVEN)]} {SURNAMES[(n * 5 + i + seats) % len(SURNAMES)]}"
                 for i in range(min(seats, 6))]
        lists.append({"id": list_id, "label": label, "candidates": names})
    question = {"id": "lists", "kind": "list", "allow_blank": True,
                "title": text(f"Vote for one list: {title['en']}", f"Votez pour une liste : {title['fr']}",
                              f"Vote por una lista: {title['es']}"),
                "seats": {"seats": seats, "method": method}, "lists": lists}
    return {"id": council, "title": title, "questions": [question]}


def professional() -> dict[str, Any]:
    sessions = [council_question(*council) for council in COUNCILS]
    voters = []
    for n in range(1, 601):
        region = "north" if n % 2 else "south"
        voters.append({"id": f"m{n:04d}", "name": f"Member {n:04d}",
                       "sessions": [region, "national"], "station": STATIONS[n % 2]["id"],
                       "language": LANGUAGES[n % 3]})
    return {
        "id": "professional-2022",
        "title": text("Professional order: council elections 2022",
                      "Ordre professionnel : élection des conseils 2022",
                      "Colegio profesional: elección de los consejos 2022"),
        "languages": LANGUAGES,
        "stations": STATIONS,
        "sessions": sessions,
        "voters": voters,
        "poll_workers": POLL_WORKERS,
        "verify_url": "https://vote.example.org/professional-2022/verify",
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, election in (("ilc-2023-plenary", ilc()), ("professional-2022", professional())):
        text_ = json.dumps(election, ensure_ascii=False, indent=1) + "\n"
        (OUT / f"{name}.json").write_text(text_, encoding="utf-8")


if __name__ == "__main__":
    main()
