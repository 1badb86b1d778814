"""The IDM 2009 theme selection survey: "Through the process of informal consultations and a
follow-up survey, the membership has selected the overarching theme of “Human Rights and
Migration: Working Together for Safe, Dignified and Secure Migration” to guide the IDM in 2009"
(discussion note, paragraph 4); the two 2009 workshops were selected the same way (paragraph 5).
Apart from the selected theme and workshops, the candidates listed are illustrative."""

from surveys.seed_data.effectiveness import THEME_2009, THEME_2009_ES, THEME_2009_FR

WORKSHOP_1 = "Effective Respect for the Human Rights of Migrants: A Shared Responsibility"
WORKSHOP_2 = "Trafficking and Exploitation of Migrants: Ensuring Protection of Human Rights"

SURVEY = {
    "title": (
        "IDM 2009 theme selection",
        "Choix du thème du DIM 2009",
        "Selección del tema del DIM 2009",
    ),
    "intro": (
        "Follow-up survey to the IDM informal consultations of 23 October 2008: rank the "
        "candidate themes for the overarching theme of the IDM in 2009 and choose the two "
        "intersessional workshops. Apart from the theme and workshops the membership selected, "
        "the candidates listed here are illustrative.",
        "Enquête faisant suite aux consultations informelles du DIM du 23 octobre 2008 : "
        "classez les thèmes candidats au thème général du DIM en 2009 et choisissez les deux "
        "ateliers intersessions. Hormis le thème et les ateliers retenus par les membres, les "
        "candidats proposés ici sont donnés à titre d’illustration.",
        "Encuesta de seguimiento de las consultas informales del DIM del 23 de octubre de 2008: "
        "ordene los temas candidatos al tema general del DIM en 2009 y elija los dos talleres "
        "entre reuniones. Salvo el tema y los talleres seleccionados por los miembros, los "
        "candidatos que figuran aquí son ilustrativos.",
    ),
    "kind": "theme_selection",
    "year": 2008,
    "status": "closed",
    "opens_at": "2008-10-23T09:00:00+01:00",
    "closes_at": "2008-11-28T18:00:00+01:00",
    "results_public": True,
    "sections": [
        {
            "title": (
                "Overarching theme for 2009",
                "Thème général pour 2009",
                "Tema general para 2009",
            ),
            "questions": [
                {
                    "key": "theme",
                    "kind": "ranking",
                    "required": True,
                    "top_k": 3,
                    "text": (
                        "Rank your three preferred candidate themes for the IDM in 2009.",
                        "Classez vos trois thèmes candidats préférés pour le DIM en 2009.",
                        "Ordene sus tres temas candidatos preferidos para el DIM en 2009.",
                    ),
                    "help": (
                        "Rank 1 is your first preference. The ranking is counted by the Borda "
                        "count.",
                        "Le rang 1 est votre premier choix. Le classement est établi selon la "
                        "méthode de Borda.",
                        "El puesto 1 es su primera preferencia. La clasificación se calcula con "
                        "el recuento de Borda.",
                    ),
                    "options": [
                        (THEME_2009, THEME_2009_FR, THEME_2009_ES),
                        (
                            "Candidate theme: Labour Mobility and Development",
                            "Thème candidat : mobilité de la main-d’œuvre et développement",
                            "Tema candidato: movilidad laboral y desarrollo",
                        ),
                        (
                            "Candidate theme: Migration, Environment and Climate Change",
                            "Thème candidat : migration, environnement et changement climatique",
                            "Tema candidato: migración, medio ambiente y cambio climático",
                        ),
                        (
                            "Candidate theme: Migration Data for Evidence-Based Policy",
                            "Thème candidat : données migratoires pour des politiques fondées sur "
                            "des éléments factuels",
                            "Tema candidato: datos migratorios para políticas basadas en "
                            "datos empíricos",
                        ),
                        (
                            "Candidate theme: Integration of Migrants in Host Societies",
                            "Thème candidat : intégration des migrants dans les sociétés d’accueil",
                            "Tema candidato: integración de los migrantes en las sociedades de "
                            "acogida",
                        ),
                    ],
                },
                {
                    "key": "workshops",
                    "kind": "multiple_choice",
                    "required": True,
                    "min_choices": 2,
                    "max_choices": 2,
                    "text": (
                        "Which two intersessional workshops should the IDM hold in 2009?",
                        "Quels deux ateliers intersessions le DIM devrait-il tenir en 2009 ?",
                        "¿Qué dos talleres entre reuniones debería celebrar el DIM en 2009?",
                    ),
                    "options": [
                        (
                            WORKSHOP_1,
                            "Respect effectif des droits de l’homme des migrants : une "
                            "responsabilité partagée",
                            "Respeto efectivo de los derechos humanos de los migrantes: una "
                            "responsabilidad compartida",
                        ),
                        (
                            WORKSHOP_2,
                            "Traite et exploitation des migrants : garantir la protection des "
                            "droits de l’homme",
                            "Trata y explotación de migrantes: garantizar la protección de los "
                            "derechos humanos",
                        ),
                        (
                            "Candidate workshop: Migrant Health and Access to Services",
                            "Atelier candidat : santé des migrants et accès aux services",
                            "Taller candidato: salud de los migrantes y acceso a los servicios",
                        ),
                        (
                            "Candidate workshop: Rights and Responsibilities in the Workplace",
                            "Atelier candidat : droits et responsabilités sur le lieu de travail",
                            "Taller candidato: derechos y responsabilidades en el lugar de trabajo",
                        ),
                    ],
                },
            ],
        },
    ],
}
