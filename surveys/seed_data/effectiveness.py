"""The IDM effectiveness survey: IOM asks "the views of the membership on how best to serve it
through the IDM and strengthen the IDM's effectiveness for the membership" (IDM 2009
discussion note, paragraph 1). Texts in English, French and Spanish."""

THEME_2008 = "Return Migration: Challenges and Opportunities"
THEME_2009 = "Human Rights and Migration: Working Together for Safe, Dignified and Secure Migration"
THEME_2009_FR = (
    "Droits de l’homme et migration : œuvrer ensemble pour des migrations sûres, dignes et "
    "sécurisées"
)
THEME_2009_ES = (
    "Derechos humanos y migración: trabajar juntos por una migración segura, digna y protegida"
)

RELEVANCE = {
    "low": ("Not relevant", "Pas pertinent", "Nada pertinente"),
    "high": ("Highly relevant", "Très pertinent", "Muy pertinente"),
}
USEFULNESS = {
    "low": ("Not useful", "Pas utile", "Nada útil"),
    "high": ("Very useful", "Très utile", "Muy útil"),
}

SURVEY = {
    "title": (
        "IDM effectiveness survey",
        "Enquête sur l’efficacité du DIM",
        "Encuesta sobre la eficacia del DIM",
    ),
    "intro": (
        "In view of the mandate in the IOM Constitution (Article 1(1)(e)) and activity 7 of the "
        "IOM Strategy, IOM is seeking the views of the membership on how best to serve it "
        "through the International Dialogue on Migration (IDM) and strengthen the IDM’s "
        "effectiveness for the membership. Each member state gives one official response: its "
        "delegates draft it together and its focal point submits it.",
        "Compte tenu du mandat défini dans la Constitution de l’OIM (article 1.1 e)) et de "
        "l’activité 7 de la Stratégie de l’OIM, l’OIM souhaite connaître l’avis des membres sur "
        "la meilleure manière de les servir au moyen du Dialogue international sur la migration "
        "(DIM) et de renforcer l’efficacité du DIM pour les membres. Chaque État membre donne "
        "une réponse officielle : ses délégués la rédigent ensemble et son point focal la "
        "soumet.",
        "En vista del mandato de la Constitución de la OIM (artículo 1.1 e)) y de la actividad 7 "
        "de la Estrategia de la OIM, la OIM desea conocer la opinión de los miembros sobre la "
        "mejor manera de servirles a través del Diálogo Internacional sobre la Migración (DIM) y "
        "de fortalecer la eficacia del DIM para los miembros. Cada Estado Miembro da una "
        "respuesta oficial: sus delegados la redactan juntos y su punto focal la envía.",
    ),
    "kind": "effectiveness",
    "year": 2009,
    "status": "open",
    "opens_at": "2008-10-23T09:00:00+01:00",
    "closes_at": None,
    "results_public": True,
    "sections": [
        {
            "title": ("Relevance of themes", "Pertinence des thèmes", "Pertinencia de los temas"),
            "questions": [
                {
                    "key": "relevance_2008",
                    "kind": "likert",
                    "required": True,
                    "text": (
                        f"How relevant to your government’s priorities was the IDM 2008 theme "
                        f"“{THEME_2008}”?",
                        "Dans quelle mesure le thème du DIM 2008, « Migrations de retour : défis "
                        "et opportunités », était-il pertinent pour les priorités de votre "
                        "gouvernement ?",
                        "¿En qué medida fue pertinente para las prioridades de su gobierno el "
                        "tema del DIM 2008, “Migración de retorno: retos y oportunidades”?",
                    ),
                    **RELEVANCE,
                },
                {
                    "key": "relevance_2009",
                    "kind": "likert",
                    "required": True,
                    "text": (
                        f"How relevant to your government’s priorities is the IDM 2009 theme "
                        f"“{THEME_2009}”?",
                        f"Dans quelle mesure le thème du DIM 2009, « {THEME_2009_FR} », est-il "
                        f"pertinent pour les priorités de votre gouvernement ?",
                        f"¿En qué medida es pertinente para las prioridades de su gobierno el "
                        f"tema del DIM 2009, “{THEME_2009_ES}”?",
                    ),
                    **RELEVANCE,
                },
                {
                    "key": "future_topics",
                    "kind": "multiple_choice",
                    "required": True,
                    "max_choices": 3,
                    "text": (
                        "Which topics should future IDM themes address? Choose up to three.",
                        "Quels sujets les futurs thèmes du DIM devraient-ils aborder ? Choisissez "
                        "jusqu’à trois réponses.",
                        "¿Qué temas deberían abordar los futuros temas del DIM? Elija hasta tres.",
                    ),
                    "options": [
                        ("Labour migration", "Migration de main-d’œuvre", "Migración laboral"),
                        (
                            "Migration and development",
                            "Migration et développement",
                            "Migración y desarrollo",
                        ),
                        (
                            "Human rights of migrants",
                            "Droits de l’homme des migrants",
                            "Derechos humanos de los migrantes",
                        ),
                        (
                            "Trafficking in human beings",
                            "Traite des êtres humains",
                            "Trata de seres humanos",
                        ),
                        ("Irregular migration", "Migration irrégulière", "Migración irregular"),
                        (
                            "Return and reintegration",
                            "Retour et réintégration",
                            "Retorno y reintegración",
                        ),
                        (
                            "Migration data and research",
                            "Données et recherche sur la migration",
                            "Datos e investigación sobre migración",
                        ),
                    ],
                },
            ],
        },
        {
            "title": ("Workshop formats", "Formats des ateliers", "Formatos de los talleres"),
            "questions": [
                {
                    "key": "format",
                    "kind": "single_choice",
                    "required": True,
                    "text": (
                        "Which IDM format serves your government best?",
                        "Quel format du DIM sert le mieux votre gouvernement ?",
                        "¿Qué formato del DIM sirve mejor a su gobierno?",
                    ),
                    "options": [
                        (
                            "Two-day intersessional workshop in Geneva",
                            "Atelier intersessions de deux jours à Genève",
                            "Taller entre reuniones de dos días en Ginebra",
                        ),
                        (
                            "High-level panel during the IOM Council session",
                            "Débat de haut niveau pendant la session du Conseil de l’OIM",
                            "Mesa redonda de alto nivel durante la reunión del Consejo de la OIM",
                        ),
                        (
                            "Regional workshop",
                            "Atelier régional",
                            "Taller regional",
                        ),
                        (
                            "Informal consultations",
                            "Consultations informelles",
                            "Consultas informales",
                        ),
                    ],
                },
                {
                    "key": "attended_2008",
                    "kind": "yes_no",
                    "required": True,
                    "text": (
                        "Did your government take part in an IDM intersessional workshop in 2008?",
                        "Votre gouvernement a-t-il participé à un atelier intersessions du DIM "
                        "en 2008 ?",
                        "¿Participó su gobierno en un taller entre reuniones del DIM en 2008?",
                    ),
                },
                {
                    "key": "usefulness_2008",
                    "kind": "likert",
                    "required": True,
                    "condition": ("attended_2008", True),
                    "text": (
                        "How useful were the 2008 workshops “Managing Return Migration” and "
                        "“Enhancing the Role of Return Migration in Fostering Development”?",
                        "Quelle a été l’utilité des ateliers de 2008 « Gérer les migrations de "
                        "retour » et « Renforcer le rôle des migrations de retour dans la "
                        "promotion du développement » ?",
                        "¿Qué utilidad tuvieron los talleres de 2008 “Gestión de la migración de "
                        "retorno” y “Fortalecimiento del papel de la migración de retorno en el "
                        "fomento del desarrollo”?",
                    ),
                    **USEFULNESS,
                },
                {
                    "key": "workshops_per_year",
                    "kind": "number",
                    "min_value": "0",
                    "max_value": "6",
                    "text": (
                        "How many intersessional workshops should the IDM hold each year?",
                        "Combien d’ateliers intersessions le DIM devrait-il tenir chaque année ?",
                        "¿Cuántos talleres entre reuniones debería celebrar el DIM cada año?",
                    ),
                },
            ],
        },
        {
            "title": (
                "Participation of capitals",
                "Participation des capitales",
                "Participación de las capitales",
            ),
            "questions": [
                {
                    "key": "capital_participated",
                    "kind": "yes_no",
                    "required": True,
                    "text": (
                        "Did officials from your capital take part in IDM events in 2008?",
                        "Des fonctionnaires de votre capitale ont-ils participé aux manifestations "
                        "du DIM en 2008 ?",
                        "¿Participaron funcionarios de su capital en actividades del DIM en 2008?",
                    ),
                },
                {
                    "key": "capital_officials",
                    "kind": "number",
                    "min_value": "1",
                    "max_value": "100",
                    "condition": ("capital_participated", True),
                    "text": (
                        "How many officials from your capital took part?",
                        "Combien de fonctionnaires de votre capitale y ont participé ?",
                        "¿Cuántos funcionarios de su capital participaron?",
                    ),
                },
                {
                    "key": "capital_obstacle",
                    "kind": "single_choice",
                    "text": (
                        "What most limits the participation of experts from your capital?",
                        "Qu’est-ce qui limite le plus la participation d’experts de votre "
                        "capitale ?",
                        "¿Qué es lo que más limita la participación de expertos de su capital?",
                    ),
                    "options": [
                        ("Travel costs", "Frais de voyage", "Costos de viaje"),
                        (
                            "Timing of the events",
                            "Calendrier des manifestations",
                            "Calendario de las actividades",
                        ),
                        (
                            "Late information about the programme",
                            "Information tardive sur le programme",
                            "Información tardía sobre el programa",
                        ),
                        (
                            "Relevance of the topics",
                            "Pertinence des sujets",
                            "Pertinencia de los temas",
                        ),
                    ],
                },
            ],
        },
        {
            "title": ("Outcomes", "Résultats", "Resultados"),
            "questions": [
                {
                    "key": "principles_useful",
                    "kind": "likert",
                    "required": True,
                    "text": (
                        "How useful are the key policy principles emanating from the IDM (such as "
                        "those on return migration from the IDM 2008) for your government’s "
                        "policy making?",
                        "Quelle est l’utilité, pour l’élaboration des politiques de votre "
                        "gouvernement, des principes directeurs clés issus du DIM (tels que ceux "
                        "sur les migrations de retour issus du DIM 2008) ?",
                        "¿Qué utilidad tienen para la formulación de políticas de su gobierno los "
                        "principios normativos clave surgidos del DIM (como los relativos a la "
                        "migración de retorno del DIM 2008)?",
                    ),
                    **USEFULNESS,
                },
                {
                    "key": "outcomes_used",
                    "kind": "multiple_choice",
                    "text": (
                        "How has your government used IDM outcomes?",
                        "Comment votre gouvernement a-t-il utilisé les résultats du DIM ?",
                        "¿Cómo ha utilizado su gobierno los resultados del DIM?",
                    ),
                    "options": [
                        (
                            "In national policy or legislation",
                            "Dans la politique ou la législation nationale",
                            "En la política o la legislación nacional",
                        ),
                        (
                            "In bilateral or regional dialogue",
                            "Dans le dialogue bilatéral ou régional",
                            "En el diálogo bilateral o regional",
                        ),
                        (
                            "In training of officials",
                            "Dans la formation des fonctionnaires",
                            "En la capacitación de funcionarios",
                        ),
                        {
                            # chosen alone: not together with a use of the outcomes
                            "text": ("Not yet", "Pas encore", "Todavía no"),
                            "exclusive": True,
                        },
                    ],
                },
            ],
        },
        {
            "title": ("Funding", "Financement", "Financiación"),
            "questions": [
                {
                    "key": "funding_priorities",
                    "kind": "ranking",
                    "required": True,
                    "text": (
                        "Rank the uses of IDM funding by priority for your government.",
                        "Classez les utilisations du financement du DIM selon leur priorité pour "
                        "votre gouvernement.",
                        "Ordene los usos de la financiación del DIM según su prioridad para su "
                        "gobierno.",
                    ),
                    "help": (
                        "Rank 1 is the highest priority.",
                        "Le rang 1 correspond à la priorité la plus élevée.",
                        "El puesto 1 es la máxima prioridad.",
                    ),
                    "options": [
                        (
                            "Participation of developing country officials from capitals",
                            "Participation de fonctionnaires des capitales de pays en "
                            "développement",
                            "Participación de funcionarios de las capitales de países en "
                            "desarrollo",
                        ),
                        (
                            "Background research and documentation",
                            "Recherche et documentation de fond",
                            "Investigación y documentación de antecedentes",
                        ),
                        (
                            "Interpretation into IOM’s official languages",
                            "Interprétation dans les langues officielles de l’OIM",
                            "Interpretación a los idiomas oficiales de la OIM",
                        ),
                        (
                            "Follow-up of the workshops’ outcomes",
                            "Suivi des résultats des ateliers",
                            "Seguimiento de los resultados de los talleres",
                        ),
                    ],
                },
                {
                    "key": "funding_approach",
                    "kind": "single_choice",
                    "text": (
                        "How would your government prefer to support the IDM?",
                        "Comment votre gouvernement préférerait-il soutenir le DIM ?",
                        "¿Cómo preferiría su gobierno apoyar el DIM?",
                    ),
                    "options": [
                        (
                            "Support the IDM annual programme as a whole",
                            "Soutenir le programme annuel du DIM dans son ensemble",
                            "Apoyar el programa anual del DIM en su conjunto",
                        ),
                        (
                            "Earmark a contribution to a specific workshop",
                            "Affecter une contribution à un atelier précis",
                            "Asignar una contribución a un taller concreto",
                        ),
                        (
                            "Not in a position to contribute",
                            "Pas en mesure de contribuer",
                            "No está en condiciones de contribuir",
                        ),
                    ],
                },
            ],
        },
        {
            "title": ("Open suggestions", "Suggestions", "Sugerencias"),
            "questions": [
                {
                    "key": "suggestions",
                    "kind": "long_text",
                    "text": (
                        "What would most strengthen the IDM’s effectiveness for the membership?",
                        "Qu’est-ce qui renforcerait le plus l’efficacité du DIM pour les membres ?",
                        "¿Qué fortalecería más la eficacia del DIM para los miembros?",
                    ),
                },
                {
                    "key": "contact",
                    "kind": "short_text",
                    "text": (
                        "Office that coordinated this response",
                        "Service qui a coordonné cette réponse",
                        "Oficina que coordinó esta respuesta",
                    ),
                },
            ],
        },
    ],
}
