"""The evaluation template: what participants think of an event they took part in (relevance,
format, speakers, organisation, what they take home, suggestions). Staff copy it for an event
from the event's evaluation page; each confirmed participant then answers their copy through a
personal link. Texts in English, French and Spanish."""

TITLE = ("Event evaluation", "Évaluation de l’événement", "Evaluación del evento")

SCALE_USEFUL = {
    "low": ("Not at all", "Pas du tout", "En absoluto"),
    "high": ("Very much", "Tout à fait", "Muchísimo"),
}
SCALE_QUALITY = {
    "low": ("Poor", "Médiocre", "Deficiente"),
    "high": ("Excellent", "Excellent", "Excelente"),
}

SURVEY = {
    "title": TITLE,
    "intro": (
        "Thank you for taking part. Your answers help the IDM secretariat prepare the next "
        "events of the International Dialogue on Migration. The evaluation takes a few minutes; "
        "IOM staff read the answers of all participants together, by category and region.",
        "Merci de votre participation. Vos réponses aident le secrétariat du DIM à préparer les "
        "prochaines réunions du Dialogue international sur la migration. L’évaluation prend "
        "quelques minutes ; le personnel de l’OIM lit les réponses de l’ensemble des "
        "participants, par catégorie et par région.",
        "Gracias por su participación. Sus respuestas ayudan a la secretaría del DIM a preparar "
        "los próximos eventos del Diálogo Internacional sobre la Migración. La evaluación toma "
        "unos minutos; el personal de la OIM lee las respuestas del conjunto de los "
        "participantes, por categoría y por región.",
    ),
    "kind": "event_evaluation",
    "year": None,
    "status": "draft",
    "opens_at": None,
    "closes_at": None,
    "results_public": False,
    "sections": [
        {
            "title": ("Relevance and format", "Pertinence et format", "Pertinencia y formato"),
            "questions": [
                {
                    "key": "relevance",
                    "kind": "likert",
                    "required": True,
                    "text": (
                        "How relevant was the event’s theme to your work?",
                        "Dans quelle mesure le thème de la réunion était-il pertinent pour "
                        "votre travail ?",
                        "¿En qué medida fue pertinente el tema del evento para su trabajo?",
                    ),
                    "low": ("Not relevant", "Pas pertinent", "Nada pertinente"),
                    "high": ("Highly relevant", "Très pertinent", "Muy pertinente"),
                },
                {
                    "key": "format",
                    "kind": "likert",
                    "required": True,
                    "text": (
                        "Did the format (panels, open discussion, working groups) leave enough "
                        "room for exchange between participants?",
                        "Le format (tables rondes, débat ouvert, groupes de travail) a-t-il "
                        "laissé assez de place aux échanges entre participants ?",
                        "¿Dejó el formato (paneles, debate abierto, grupos de trabajo) "
                        "suficiente espacio para el intercambio entre participantes?",
                    ),
                    **SCALE_USEFUL,
                },
                {
                    "key": "preferred_format",
                    "kind": "single_choice",
                    "text": (
                        "How would you prefer to take part in the next IDM events?",
                        "Comment préféreriez-vous participer aux prochaines réunions du DIM ?",
                        "¿Cómo preferiría participar en los próximos eventos del DIM?",
                    ),
                    "options": [
                        ("In person", "En personne", "En persona"),
                        ("Online", "En ligne", "En línea"),
                        (
                            "Either: hybrid events suit me",
                            "Indifféremment : les réunions hybrides me conviennent",
                            "Indistintamente: los eventos híbridos me convienen",
                        ),
                    ],
                },
            ],
        },
        {
            "title": (
                "Speakers and organization",
                "Intervenants et organisation",
                "Ponentes y organización",
            ),
            "questions": [
                {
                    "key": "speakers",
                    "kind": "likert",
                    "required": True,
                    "text": (
                        "How would you rate the speakers and moderators?",
                        "Comment évaluez-vous les intervenants et les modérateurs ?",
                        "¿Cómo valora a los ponentes y moderadores?",
                    ),
                    **SCALE_QUALITY,
                },
                {
                    "key": "organisation",
                    "kind": "likert",
                    "required": True,
                    "text": (
                        "How would you rate the organization: information beforehand, "
                        "registration, venue or online connection, documents?",
                        "Comment évaluez-vous l’organisation : information préalable, "
                        "inscription, lieu ou connexion en ligne, documents ?",
                        "¿Cómo valora la organización: información previa, inscripción, sede o "
                        "conexión en línea, documentos?",
                    ),
                    **SCALE_QUALITY,
                },
            ],
        },
        {
            "title": (
                "What you take home",
                "Ce que vous en retirez",
                "Lo que se lleva",
            ),
            "questions": [
                {
                    "key": "take_home",
                    "kind": "multiple_choice",
                    "text": (
                        "What will you take home from the event? Choose all that apply.",
                        "Que retirez-vous de la réunion ? Choisissez toutes les réponses "
                        "pertinentes.",
                        "¿Qué se lleva del evento? Elija todas las respuestas que correspondan.",
                    ),
                    "options": [
                        (
                            "Knowledge of other states’ policies and practices",
                            "Une connaissance des politiques et pratiques d’autres États",
                            "Conocimiento de las políticas y prácticas de otros Estados",
                        ),
                        (
                            "Contacts with counterparts in other states or organizations",
                            "Des contacts avec des homologues d’autres États ou organisations",
                            "Contactos con homólogos de otros Estados u organizaciones",
                        ),
                        (
                            "Ideas for policies or programmes in my country",
                            "Des idées de politiques ou de programmes pour mon pays",
                            "Ideas de políticas o programas para mi país",
                        ),
                        (
                            "Material to share with colleagues",
                            "Des documents à partager avec mes collègues",
                            "Material para compartir con mis colegas",
                        ),
                    ],
                },
                {
                    "key": "use_at_work",
                    "kind": "long_text",
                    "text": (
                        "Which idea or practice presented at the event will you use in your work?",
                        "Quelle idée ou pratique présentée lors de la réunion utiliserez-vous "
                        "dans votre travail ?",
                        "¿Qué idea o práctica presentada en el evento utilizará en su trabajo?",
                    ),
                },
                {
                    "key": "suggestions",
                    "kind": "long_text",
                    "text": (
                        "Your suggestions for future IDM events (themes, speakers, format):",
                        "Vos suggestions pour les prochaines réunions du DIM (thèmes, "
                        "intervenants, format) :",
                        "Sus sugerencias para los próximos eventos del DIM (temas, ponentes, "
                        "formato):",
                    ),
                },
            ],
        },
    ],
}
