<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>CastDoneScreen</name>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="6" />
        <source>Your vote has been recorded</source>
        <translation>Votre vote a été enregistré</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="7" />
        <source>Your tracking code:</source>
        <translation>Votre code de suivi :</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="20" />
        <source>Your receipt has been printed. Take it with you.</source>
        <translation>Votre reçu a été imprimé. Emportez-le.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="21" />
        <source>The receipt could not be printed: the printer is out of paper. Your vote is recorded. Please tell a poll worker.</source>
        <translation>Le reçu n'a pas pu être imprimé : l'imprimante n'a plus de papier. Votre vote est enregistré. Veuillez prévenir un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="22" />
        <source>The receipt could not be printed. Your vote is recorded. Please tell a poll worker.</source>
        <translation>Le reçu n'a pas pu être imprimé. Votre vote est enregistré. Veuillez prévenir un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="23" />
        <source>No receipt is printed at this booth: note your tracking code if you wish to check it later.</source>
        <translation>Cet isoloir n'imprime pas de reçu : notez votre code de suivi si vous souhaitez le vérifier plus tard.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="25" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>CastFailedScreen</name>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="6" />
        <source>Your vote was NOT recorded</source>
        <translation>Votre vote n'a PAS été enregistré</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="9" />
        <source>The booth refused this vote: the session may have been closed. Nothing was recorded. Please ask a poll worker.</source>
        <translation>L'isoloir a refusé ce vote : la séance a peut-être été fermée. Rien n'a été enregistré. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="10" />
        <source>The booth could not store your vote. Nothing was recorded and your answers are kept. Try again, or ask a poll worker.</source>
        <translation>L'isoloir n'a pas pu enregistrer votre vote. Rien n'a été enregistré et vos réponses sont conservées. Réessayez ou demandez à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="12" />
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="13" />
        <source>Back to sessions</source>
        <translation>Retour aux séances</translation>
    </message>
</context>
<context>
    <name>CodeEntryScreen</name>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="21" />
        <source>A voting code has 24 characters. Check that none is missing.</source>
        <translation>Un code de vote compte 24 caractères. Vérifiez qu'il n'en manque aucun.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="22" />
        <source>This code has a typing mistake. Check group %1.</source>
        <translation>Ce code contient une faute de frappe. Vérifiez le groupe %1.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="23" />
        <source>This code has a typing mistake. Check it against your notice.</source>
        <translation>Ce code contient une faute de frappe. Comparez-le à votre convocation.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="24" />
        <source>This code is not known at this booth. Check it, or ask a poll worker.</source>
        <translation>Ce code n'est pas connu de cet isoloir. Vérifiez-le ou demandez à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="25" />
        <source>This code has already been used to vote in every session open to you.</source>
        <translation>Ce code a déjà servi à voter dans toutes les séances qui vous sont ouvertes.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="26" />
        <source>Too many wrong codes: the booth is locked for %1 seconds. Please see a poll worker.</source>
        <translation>Trop de codes erronés : l'isoloir est bloqué pendant %1 secondes. Veuillez vous adresser à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="27" />
        <source>Voting is not open at this booth now. Please see a poll worker.</source>
        <translation>Le vote n'est pas ouvert dans cet isoloir pour le moment. Veuillez vous adresser à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="36" />
        <source>Type the voting code printed on your notice, or hold it under the scanner.</source>
        <translation>Tapez le code de vote imprimé sur votre convocation, ou présentez-le sous le lecteur.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="65" />
        <source>Tries left before the booth locks: %1.</source>
        <translation>Essais restants avant le blocage de l'isoloir : %1.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="92" />
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="93" />
        <source>Delete</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="94" />
        <source>Clear</source>
        <translation>Tout effacer</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="99" />
        <source>Check my code</source>
        <translation>Vérifier mon code</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="6" />
        <source>Submit your vote now?</source>
        <translation>Déposer votre vote maintenant ?</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="7" />
        <source>This is final. Once submitted, your vote cannot be changed.</source>
        <translation>C'est définitif. Une fois déposé, votre vote ne peut plus être modifié.</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="11" />
        <source>Yes, submit my vote</source>
        <translation>Oui, déposer mon vote</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="14" />
        <source>No, go back to the review</source>
        <translation>Non, revenir au récapitulatif</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="7" />
        <source>Choose one list.</source>
        <translation>Choisissez une liste.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="9" />
        <source>Choose at least %1 and at most %2.</source>
        <translation>Choisissez au moins %1 et au plus %2 réponses.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="10" />
        <source>Choose up to %1.</source>
        <translation>Choisissez jusqu'à %1 réponses.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="12" />
        <source>Choose one answer.</source>
        <translation>Choisissez une réponse.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="18" />
        <source>Question %1 of %2</source>
        <translation>Question %1 sur %2</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="21" />
        <source>You may leave this question blank.</source>
        <translation>Vous pouvez laisser cette question sans réponse.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="25" />
        <source>You have chosen the most allowed. To choose another, first tap a chosen one to remove it.</source>
        <translation>Vous avez atteint le maximum permis. Pour en choisir une autre, touchez d'abord une réponse choisie pour la retirer.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="39" />
        <source>Chosen</source>
        <translation>Choisi</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="51" />
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="56" />
        <source>Back to review</source>
        <translation>Retour au récapitulatif</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="56" />
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="62" />
        <source>Choose an answer to continue.</source>
        <translation>Choisissez une réponse pour continuer.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="9" />
        <source>Review your answers</source>
        <translation>Vérifiez vos réponses</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="13" />
        <source>Questions with no answer: %1. You can still answer them with Change.</source>
        <translation>Questions sans réponse : %1. Vous pouvez encore y répondre avec Modifier.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="39" />
        <source>No answer</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="46" />
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="57" />
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="61" />
        <source>Submit your vote</source>
        <translation>Déposer votre vote</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="62" />
        <source>This is final: your vote cannot be changed afterwards.</source>
        <translation>C'est définitif : votre vote ne pourra plus être modifié.</translation>
    </message>
</context>
<context>
    <name>ScrollArea</name>
    <message>
        <location filename="../qml/ScrollArea.qml" line="28" />
        <source>Show more above</source>
        <translation>Voir plus haut</translation>
    </message>
    <message>
        <location filename="../qml/ScrollArea.qml" line="34" />
        <source>Show more below</source>
        <translation>Voir plus bas</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="5" />
        <source>Voting sessions</source>
        <translation>Séances de vote</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="17" />
        <source>Open: tap to vote</source>
        <translation>Ouverte : touchez pour voter</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="18" />
        <source>You have voted</source>
        <translation>Vous avez voté</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="19" />
        <source>Not open now</source>
        <translation>Pas ouverte actuellement</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="29" />
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
</context>
<context>
    <name>TimeoutWarning</name>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="12" />
        <source>Are you still there?</source>
        <translation>Êtes-vous toujours là ?</translation>
    </message>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="15" />
        <source>For your privacy, the booth will return to the start in %1 seconds and forget the answers you have not submitted.</source>
        <translation>Pour protéger votre vote, l'isoloir reviendra à l'accueil dans %1 secondes et oubliera les réponses non déposées.</translation>
    </message>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="20" />
        <source>I need more time</source>
        <translation>J'ai besoin de plus de temps</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="17" />
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="22" />
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="22" />
        <source>high</source>
        <translation>élevé</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="23" />
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="23" />
        <source>standard</source>
        <translation>standard</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="6" />
        <source>Insert your card or enter your voting code</source>
        <translation>Insérez votre carte ou saisissez votre code de vote</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="10" />
        <source>Enter a voting code</source>
        <translation>Saisir un code de vote</translation>
    </message>
</context>
</TS>