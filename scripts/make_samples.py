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

# The Code of the Maritime Labour Convention, one amendment per Standard: (standard, en, fr, es).
MARITIME = [
    ("A1.1", "Minimum age", "Âge minimum", "Edad mínima"),
    ("A1.2", "Medical certificate", "Certificat médical", "Certificado médico"),
    ("A1.4", "Recruitment and placement", "Recrutement et placement", "Contratación y colocación"),
    ("A2.1", "Seafarers' employment agreements", "Contrat d'engagement maritime",
     "Acuerdos de empleo de la gente de mar"),
    ("A2.2", "Wages", "Salaires", "Salarios"),
    ("A2.3", "Hours of work and hours of rest", "Durée du travail ou du repos",
     "Horas de trabajo y de descanso"),
    ("A2.4", "Entitlement to leave", "Droit à un congé", "Derecho a vacaciones"),
    ("A2.5", "Repatriation", "Rapatriement", "Repatriación"),
    ("A2.6", "Compensation for the ship's loss", "Indemnisation en cas de perte du navire",
     "Indemnización en caso de pérdida del buque"),
    ("A2.7", "Manning levels", "Effectifs", "Niveles de dotación"),
    ("A2.8", "Career and skill development", "Développement des carrières et des aptitudes",
     "Desarrollo de carreras y aptitudes"),
    ("A3.1", "Accommodation and recreational facilities", "Logement et lieux de loisirs",
     "Alojamiento y servicios de esparcimiento"),
    ("A3.2", "Food and catering", "Alimentation et service de table", "Alimentación y servicio de fonda"),
    ("A4.1", "Medical care on board and ashore", "Soins médicaux à bord et à terre",
     "Atención médica a bordo y en tierra"),
    ("A4.2", "Shipowners' liability", "Responsabilité des armateurs", "Responsabilidad del armador"),
    ("A4.3", "Health and safety protection", "Protection de la santé et de la sécurité",
     "Protección de la seguridad y la salud"),
    ("A4.4", "Access to shore-based welfare facilities", "Accès à des installations de bien-être à terre",
     "Acceso a instalaciones de bienestar en tierra"),
    ("A4.5", "Social security", "Sécurité sociale", "Seguridad social"),
    ("A5.1.1", "Flag State responsibilities", "Responsabilités de l'État du pavillon",
     "Responsabilidades del Estado del pabellón"),
    ("A5.1.3", "Maritime labour certificate", "Certificat de travail maritime",
     "Certificado de trabajo marítimo"),
    ("A5.1.4", "Inspection and enforcement", "Inspection et mise en application",
     "Inspección y control de la aplicación"),
    ("A5.1.5", "On-board complaint procedures", "Procédures de plainte à bord",
     "Procedimientos de queja a bordo"),
    ("A5.2.1", "Inspections in port", "Inspections dans le port", "Inspecciones en puerto"),
    ("A5.3", "Labour-supplying responsibilities", "Responsabilités du fournisseur de main-d'œuvre",
     "Responsabilidades en relación con el suministro de mano de obra"),
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
        yes_no_abstain("amend-declaration", text(
            "Add a safe and healthy working environment to the fundamental principles and rights at work?",
            "Ajouter un milieu de travail sûr et salubre aux principes et droits fondamentaux au travail ?",
            "¿Añadir un entorno de trabajo seguro y saludable a los principios y derechos fundamentales "
            "en el trabajo?"), ILC_RULE),
        yes_no_abstain("consequential", text(
            "Adopt the consequential amendments to the instruments concerned?",
            "Adopter les amendements qui en découlent pour les instruments concernés ?",
            "¿Adoptar las enmiendas consiguientes a los instrumentos afectados?"), ILC_RULE),
    ]
    maritime = [
        yes_no_abstain(f"q{n:02d}", text(
            f"Adopt the amendment to Standard {std} ({en})?",
            f"Adopter l'amendement à la norme {std} ({fr.lower()}) ?",
            f"¿Adoptar la enmienda a la norma {std} ({es.lower()})?"), ILC_RULE)
        for n, (std, en, fr, es) in enumerate(MARITIME, start=1)
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
         "title": text("Amendments to the Code of the Maritime Labour Convention",
                       "Amendements au code de la convention du travail maritime",
                       "Enmiendas al Código del Convenio sobre el trabajo marítimo"),
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
