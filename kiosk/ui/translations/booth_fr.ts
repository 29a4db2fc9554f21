<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BigButton</name>
    <message>
        <location filename="../qml/BigButton.qml" line="23"/>
        <location filename="../qml/BigButton.qml" line="23"/>
        <source>Chosen</source>
        <translation>Choisi</translation>
    </message>
    <message>
        <location filename="../qml/BigButton.qml" line="24"/>
        <source>Not available</source>
        <translation>Non disponible</translation>
    </message>
</context>
<context>
    <name>CastDoneScreen</name>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="9"/>
        <source>Your vote has been recorded</source>
        <translation>Votre vote a été enregistré</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="10"/>
        <source>Your tracking code:</source>
        <translation>Votre code de suivi :</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="24"/>
        <source>Your receipt has been printed. Take it with you.</source>
        <translation>Votre reçu a été imprimé. Emportez-le.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="25"/>
        <source>The receipt could not be printed: the printer is out of paper. Your vote is recorded. Please tell a poll worker.</source>
        <translation>Le reçu n&apos;a pas pu être imprimé : l&apos;imprimante n&apos;a plus de papier. Votre vote est enregistré. Veuillez prévenir un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="26"/>
        <source>The receipt could not be printed. Your vote is recorded. Please tell a poll worker.</source>
        <translation>Le reçu n&apos;a pas pu être imprimé. Votre vote est enregistré. Veuillez prévenir un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="27"/>
        <source>No receipt is printed at this booth: note your tracking code if you wish to check it later.</source>
        <translation>Cet isoloir n&apos;imprime pas de reçu : notez votre code de suivi si vous souhaitez le vérifier plus tard.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="29"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>CastFailedScreen</name>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="22"/>
        <source>Your vote was NOT recorded</source>
        <translation>Votre vote n&apos;a PAS été enregistré</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="10"/>
        <source>The booth refused this vote: the session may have been closed. Nothing was recorded. Please ask a poll worker.</source>
        <translation>L&apos;isoloir a refusé ce vote : la séance a peut-être été fermée. Rien n&apos;a été enregistré. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="9"/>
        <source>The booth refused this vote: polls are not open now. Nothing was recorded. Please ask a poll worker.</source>
        <translation>L&apos;isoloir a refusé ce vote : le scrutin n&apos;est pas ouvert en ce moment. Rien n&apos;a été enregistré. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="11"/>
        <source>The booth refused this vote: you may not vote in this session. Nothing was recorded. Please ask a poll worker.</source>
        <translation>L&apos;isoloir a refusé ce vote : vous ne pouvez pas voter dans cette séance. Rien n&apos;a été enregistré. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="12"/>
        <source>The booth refused this vote: a vote was already cast in this session. Nothing was recorded. Please ask a poll worker.</source>
        <translation>L&apos;isoloir a refusé ce vote : un vote a déjà été émis dans cette séance. Rien n&apos;a été enregistré. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="15"/>
        <source>The booth could not store your vote. Nothing was recorded and your answers are kept. Try again, or ask a poll worker.</source>
        <translation>L&apos;isoloir n&apos;a pas pu enregistrer votre vote. Rien n&apos;a été enregistré et vos réponses sont conservées. Réessayez ou demandez à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="24"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="25"/>
        <source>Back to sessions</source>
        <translation>Retour aux séances</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="13"/>
        <source>The booth refused this vote: a vote with your code is being recorded at another booth in this session. Nothing was recorded here. Please ask a poll worker.</source>
        <translation>L&apos;isoloir a refusé ce vote : un vote avec votre code est en cours d&apos;enregistrement dans un autre isoloir pour ce scrutin. Rien n&apos;a été enregistré ici. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="14"/>
        <source>This booth cannot reach the hall just now. Your vote was NOT recorded. Please go to another booth.</source>
        <translation>Cet isoloir ne joint pas la salle en ce moment. Votre vote n&apos;a PAS été enregistré. Veuillez aller à un autre isoloir.</translation>
    </message>
</context>
<context>
    <name>CastOrCheckScreen</name>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="10"/>
        <source>Your ballot is sealed</source>
        <translation>Votre bulletin est scellé</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="11"/>
        <source>Its code is printed on the slip:</source>
        <translation>Son code est imprimé sur le ticket :</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="27"/>
        <source>Cast this ballot</source>
        <translation>Déposer ce bulletin</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="28"/>
        <source>This is final: your vote is recorded and cannot be changed afterwards.</source>
        <translation>C&apos;est définitif : votre vote est enregistré et ne pourra plus être modifié.</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="35"/>
        <source>Check this ballot</source>
        <translation>Vérifier ce bulletin</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="37"/>
        <source>A checked ballot is opened, shown publicly and never counted; you then vote again.</source>
        <translation>Un bulletin vérifié est ouvert, rendu public et jamais compté ; vous votez ensuite à nouveau.</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="38"/>
        <source>You have checked as many ballots as this booth allows: cast this one.</source>
        <translation>Vous avez vérifié autant de bulletins que cet isoloir le permet : déposez celui-ci.</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="41"/>
        <source>Checking lets you confirm, with the slip, that the booth encrypted exactly your choices. Anyone may see a checked ballot&apos;s choices.</source>
        <translation>La vérification vous permet de confirmer, avec le ticket, que l&apos;isoloir a chiffré exactement vos choix. Les choix d&apos;un bulletin vérifié sont visibles de tous.</translation>
    </message>
</context>
<context>
    <name>CheckDoneScreen</name>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="9"/>
        <source>This ballot was checked: it will not be counted</source>
        <translation>Ce bulletin a été vérifié : il ne sera pas compté</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="10"/>
        <source>Checked ballot code:</source>
        <translation>Code du bulletin vérifié :</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="25"/>
        <source>Take the slip: scan its QR code with a phone or at the observers&apos; desk to confirm the booth encrypted the choices printed on it.</source>
        <translation>Prenez le ticket : scannez son code QR avec un téléphone ou au bureau des observateurs pour confirmer que l&apos;isoloir a chiffré les choix qui y sont imprimés.</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="26"/>
        <source>The slip could not be printed. Nothing was counted. Please tell a poll worker.</source>
        <translation>Le ticket n&apos;a pas pu être imprimé. Rien n&apos;a été compté. Veuillez prévenir un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="28"/>
        <source>You have not voted yet. Vote again: your answers are kept, change any you like.</source>
        <translation>Vous n&apos;avez pas encore voté. Votez à nouveau : vos réponses sont conservées, modifiez celles que vous voulez.</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="29"/>
        <source>Vote again</source>
        <translation>Voter à nouveau</translation>
    </message>
</context>
<context>
    <name>CodeEntryScreen</name>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="22"/>
        <source>A voting code has 24 characters. Check that none is missing.</source>
        <translation>Un code de vote compte 24 caractères. Vérifiez qu&apos;il n&apos;en manque aucun.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="23"/>
        <source>This code has a typing mistake. Check group %1.</source>
        <translation>Ce code contient une faute de frappe. Vérifiez le groupe %1.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="24"/>
        <source>This code has a typing mistake. Check it against your notice.</source>
        <translation>Ce code contient une faute de frappe. Comparez-le à votre convocation.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="25"/>
        <source>This code is not known at this booth. Check it, or ask a poll worker.</source>
        <translation>Ce code n&apos;est pas connu de cet isoloir. Vérifiez-le ou demandez à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="26"/>
        <source>This code has already been used to vote in every session open to you.</source>
        <translation>Ce code a déjà servi à voter dans toutes les séances qui vous sont ouvertes.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="27"/>
        <source>You have no delegation for this vote; only a delegate may hand you their vote, through the Credentials Committee. Please see a poll worker.</source>
        <translation>Vous n&apos;avez aucune délégation pour ce vote ; seul un délégué peut vous confier son vote, par la Commission de vérification des pouvoirs. Veuillez vous adresser à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="28"/>
        <source>Too many wrong codes: the booth is locked for %1 seconds. Please see a poll worker.</source>
        <translation>Trop de codes erronés : l&apos;isoloir est bloqué pendant %1 secondes. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="29"/>
        <source>Voting is not open at this booth now. Please see a poll worker.</source>
        <translation>Le vote n&apos;est pas ouvert dans cet isoloir pour le moment. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="49"/>
        <source>Type the voting code printed on your notice, or hold it under the scanner.</source>
        <translation>Tapez le code de vote imprimé sur votre convocation, ou présentez-le sous le lecteur.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="84"/>
        <source>Tries left before the booth locks: %1.</source>
        <translation>Essais restants avant le blocage de l&apos;isoloir : %1.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="94"/>
        <source>Type group %1 again</source>
        <translation>Retaper le groupe %1</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="104"/>
        <source>A keypad with the letters and digits of voting codes: move to a key, then select it.</source>
        <translation>Un clavier avec les lettres et les chiffres des codes de vote : allez sur une touche, puis sélectionnez-la.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="130"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="131"/>
        <source>Delete</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="132"/>
        <source>Clear</source>
        <translation>Tout effacer</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="137"/>
        <source>Check my code</source>
        <translation>Vérifier mon code</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="30"/>
        <source>This booth cannot reach the hall just now. Please go to another booth.</source>
        <translation>Cet isoloir ne joint pas la salle en ce moment. Veuillez aller à un autre isoloir.</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="9"/>
        <source>Submit your vote now?</source>
        <translation>Déposer votre vote maintenant ?</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="10"/>
        <source>This is final. Once submitted, your vote cannot be changed.</source>
        <translation>C&apos;est définitif. Une fois déposé, votre vote ne peut plus être modifié.</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="14"/>
        <source>Yes, submit my vote</source>
        <translation>Oui, déposer mon vote</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="17"/>
        <source>No, go back to the review</source>
        <translation>Non, revenir au récapitulatif</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="14"/>
        <source>Slower</source>
        <translation>Plus lent</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="15"/>
        <source>Faster</source>
        <translation>Plus rapide</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <source>Softer</source>
        <translation>Moins fort</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="17"/>
        <source>Louder</source>
        <translation>Plus fort</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="18"/>
        <source>The screen is dark. Press blank again to show it.</source>
        <translation>L&apos;écran est noir. Appuyez de nouveau sur écran noir pour le rallumer.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="19"/>
        <source>The screen is showing again.</source>
        <translation>L&apos;écran est de nouveau allumé.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="20"/>
        <source>Press the up and down arrows to move from one item to the next, and the select key to choose. The back key goes back. To hear the screen again, press repeat. Slower, faster, softer and louder change the voice. Blank turns the screen dark for your privacy.</source>
        <translation>Appuyez sur les flèches haut et bas pour passer d&apos;un élément à l&apos;autre, et sur la touche de sélection pour choisir. La touche retour revient en arrière. Pour réentendre l&apos;écran, appuyez sur répéter. Plus lent, plus rapide, moins fort et plus fort règlent la voix. Écran noir éteint l&apos;écran pour préserver le secret de votre vote.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="49"/>
        <source>TEST MODE: this booth is set up for a rehearsal. Votes cast here are not counted.</source>
        <translation>MODE ESSAI : cet isoloir est installé pour une répétition. Les votes déposés ici ne sont pas comptés.</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <location filename="../qml/Pager.qml" line="12"/>
        <source>More above</source>
        <translation>Plus haut</translation>
    </message>
    <message>
        <location filename="../qml/Pager.qml" line="19"/>
        <source>More below</source>
        <translation>Plus bas</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="8"/>
        <source>Choose one list.</source>
        <translation>Choisissez une liste.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="10"/>
        <source>Choose at least %1 and at most %2.</source>
        <translation>Choisissez au moins %1 et au plus %2 réponses.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="11"/>
        <source>Choose up to %1.</source>
        <translation>Choisissez jusqu&apos;à %1 réponses.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="13"/>
        <source>Choose one answer.</source>
        <translation>Choisissez une réponse.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="27"/>
        <source>Question %1 of %2</source>
        <translation>Question %1 sur %2</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="30"/>
        <source>You may leave this question blank.</source>
        <translation>Vous pouvez laisser cette question sans réponse.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="34"/>
        <source>You have chosen the most allowed. To choose another, first tap a chosen one to remove it.</source>
        <translation>Vous avez atteint le maximum permis. Pour en choisir une autre, touchez d&apos;abord une réponse choisie pour la retirer.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="43"/>
        <source>Chosen</source>
        <translation>Choisi</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="60"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="65"/>
        <source>Back to review</source>
        <translation>Retour au récapitulatif</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="65"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="52"/>
        <source>Choose an answer to continue.</source>
        <translation>Choisissez une réponse pour continuer.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="20"/>
        <source>Review your answers</source>
        <translation>Vérifiez vos réponses</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="24"/>
        <source>Question %1 has no answer.</source>
        <translation>La question %1 n&apos;a pas de réponse.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="25"/>
        <source>Questions %1 have no answer.</source>
        <translation>Les questions %1 n&apos;ont pas de réponse.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="26"/>
        <source>You can still answer with Change.</source>
        <translation>Vous pouvez encore répondre avec Modifier.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="49"/>
        <source>No answer</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="54"/>
        <source>You chose %1 of up to %2.</source>
        <translation>Vous avez choisi %1 sur %2 au plus.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="61"/>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="93"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="73"/>
        <source>Submit your vote</source>
        <translation>Déposer votre vote</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="74"/>
        <source>This is final: your vote cannot be changed afterwards.</source>
        <translation>C&apos;est définitif : votre vote ne pourra plus être modifié.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="83"/>
        <source>Seal my ballot</source>
        <translation>Sceller mon bulletin</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="84"/>
        <source>The booth prints your ballot&apos;s code, then asks you to cast it or check it.</source>
        <translation>L&apos;isoloir imprime le code de votre bulletin, puis vous demande de le déposer ou de le vérifier.</translation>
    </message>
</context>
<context>
    <name>SealFailedScreen</name>
    <message>
        <location filename="../qml/SealFailedScreen.qml" line="8"/>
        <source>Your ballot was NOT sealed</source>
        <translation>Votre bulletin n&apos;a PAS été scellé</translation>
    </message>
    <message>
        <location filename="../qml/SealFailedScreen.qml" line="12"/>
        <source>The printer is out of paper, so the ballot&apos;s code could not be printed. Nothing was recorded. Please ask a poll worker.</source>
        <translation>L&apos;imprimante n&apos;a plus de papier : le code du bulletin n&apos;a pas pu être imprimé. Rien n&apos;a été enregistré. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/SealFailedScreen.qml" line="13"/>
        <source>The ballot&apos;s code could not be printed. Nothing was recorded. Please ask a poll worker.</source>
        <translation>Le code du bulletin n&apos;a pas pu être imprimé. Rien n&apos;a été enregistré. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/SealFailedScreen.qml" line="15"/>
        <source>Back to the review</source>
        <translation>Retour au récapitulatif</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="12"/>
        <source>Voting sessions</source>
        <translation>Séances de vote</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="19"/>
        <source>Open: tap to vote</source>
        <translation>Ouverte : touchez pour voter</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="20"/>
        <source>You have voted</source>
        <translation>Vous avez voté</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="21"/>
        <source>Not open now</source>
        <translation>Pas ouverte actuellement</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="32"/>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
</context>
<context>
    <name>SizePicker</name>
    <message>
        <location filename="../qml/SizePicker.qml" line="9"/>
        <source>Small</source>
        <translation>Petite</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="9"/>
        <source>Standard</source>
        <translation>Normale</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="9"/>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="9"/>
        <source>Extra large</source>
        <translation>Très grande</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="18"/>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="26"/>
        <source>The booth&apos;s usual size</source>
        <translation>La taille habituelle de l&apos;isoloir</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="33"/>
        <source>Reset the text size and contrast</source>
        <translation>Rétablir la taille du texte et le contraste</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="39"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>TimeoutWarning</name>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="13"/>
        <source>Are you still there?</source>
        <translation>Êtes-vous toujours là ?</translation>
    </message>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="16"/>
        <source>For your privacy, the booth will return to the start in %1 seconds and forget the answers you have not submitted.</source>
        <translation>Pour protéger votre vote, l&apos;isoloir reviendra à l&apos;accueil dans %1 secondes et oubliera les réponses non déposées.</translation>
    </message>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="21"/>
        <source>I need more time</source>
        <translation>J&apos;ai besoin de plus de temps</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="7"/>
        <source>Small</source>
        <translation>Petite</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="7"/>
        <source>Standard</source>
        <translation>Normale</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="7"/>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="7"/>
        <source>Extra large</source>
        <translation>Très grande</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="22"/>
        <source>Text size: %1</source>
        <translation>Taille du texte : %1</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="28"/>
        <source>high</source>
        <translation>élevé</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="28"/>
        <source>Contrast: %1</source>
        <translation>Contraste : %1</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="29"/>
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="29"/>
        <source>standard</source>
        <translation>standard</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="12"/>
        <source>This booth is not set up yet. Please see a poll worker.</source>
        <translation>Cet isoloir n&apos;est pas encore installé. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="17"/>
        <source>Voting is not open at this booth now. Please see a poll worker.</source>
        <translation>Le vote n&apos;est pas ouvert dans cet isoloir pour le moment. Veuillez demander à un assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="19"/>
        <source>Insert your card or enter your voting code</source>
        <translation>Insérez votre carte ou saisissez votre code de vote</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="24"/>
        <source>Enter a voting code</source>
        <translation>Saisir un code de vote</translation>
    </message>
</context>
<context>
    <name>WorkerAddendumScreen</name>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="8"/>
        <source>A vote is added: %1</source>
        <translation>Un vote est ajouté : %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="9"/>
        <source>%1 votes in the place of %2 in: %3</source>
        <translation>%1 vote à la place de %2 pour : %3</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="10"/>
        <source>Refused: %2 already voted in %3, so %1 cannot vote in their place</source>
        <translation>Refusé : %2 a déjà voté pour %3, %1 ne peut donc pas voter à sa place</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="11"/>
        <source>%1 votes again in person in: %2</source>
        <translation>%1 vote de nouveau en personne pour : %2</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="12"/>
        <source>A voter is added to this booth: %1</source>
        <translation>Un votant est ajouté à cet isoloir : %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="13"/>
        <source>A new voting code for %1: their old code stops working</source>
        <translation>Un nouveau code de vote pour %1 : son ancien code ne fonctionne plus</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="14"/>
        <source>Struck off the roll: %1 can no longer vote</source>
        <translation>Radié de la liste : %1 ne peut plus voter</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="15"/>
        <source>%1 is weighted by group, equal strength for each group:</source>
        <translation>%1 est pondéré par groupe, à égalité de force entre les groupes :</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="16"/>
        <source>%1 is weighted per voter: each voter carries their own mandates</source>
        <translation>%1 est pondéré par votant : chaque votant porte ses propres mandats</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="17"/>
        <source>%1 is no longer weighted: one vote per ballot</source>
        <translation>%1 n&apos;est plus pondéré : une voix par bulletin</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="18"/>
        <source>%1: %2 members entitled to vote, %3 votes each</source>
        <translation>%1 : %2 membres ayant le droit de vote, %3 voix chacun</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="25"/>
        <source>Take in an addendum</source>
        <translation>Prendre en compte un additif</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="26"/>
        <source>Addenda this booth holds: %1</source>
        <translation>Additifs détenus par cet isoloir : %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="27"/>
        <source>Insert the officials&apos; USB stick with the addendum, then check it.</source>
        <translation>Insérez la clé USB des responsables avec l&apos;additif, puis vérifiez-la.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="28"/>
        <source>Check the USB stick</source>
        <translation>Vérifier la clé USB</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="33"/>
        <source>Addendum %1 was taken in. Check the stick again for the next one.</source>
        <translation>L&apos;additif %1 a été pris en compte. Vérifiez de nouveau la clé pour le suivant.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="40"/>
        <source>Addendum %1, signed by the election authority</source>
        <translation>Additif %1, signé par l&apos;autorité électorale</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="41"/>
        <source>What it changes at this booth:</source>
        <translation>Ce qu&apos;il change dans cet isoloir :</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="42"/>
        <source>Nothing for the voters of this booth.</source>
        <translation>Rien pour les votants de cet isoloir.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="47"/>
        <source>Accept this addendum</source>
        <translation>Accepter cet additif</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="49"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>WorkerAuditScreen</name>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="46"/>
        <source>Audit log: recent events</source>
        <translation>Journal d&apos;audit : événements récents</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="60"/>
        <source>Write the full log to the USB stick</source>
        <translation>Écrire le journal complet sur la clé USB</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="9"/>
        <source>Booth set up (its key certified by the poll worker&apos;s card)</source>
        <translation>Isoloir installé (sa clé certifiée par la carte de l&apos;assesseur)</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="10"/>
        <source>Polls opened</source>
        <translation>Scrutin ouvert</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="11"/>
        <source>Polls paused</source>
        <translation>Scrutin suspendu</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="12"/>
        <source>Polls resumed</source>
        <translation>Scrutin repris</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="13"/>
        <source>Polls closed</source>
        <translation>Scrutin clos</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="14"/>
        <source>Change refused</source>
        <translation>Changement refusé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="15"/>
        <source>Voting session opened</source>
        <translation>Séance de vote ouverte</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="16"/>
        <source>Voting session closed</source>
        <translation>Séance de vote close</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="17"/>
        <source>Voter let in</source>
        <translation>Électeur admis</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="18"/>
        <source>Voting code refused</source>
        <translation>Code de vote refusé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="19"/>
        <source>Code entry locked</source>
        <translation>Saisie des codes bloquée</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="20"/>
        <source>Code entry unlocked</source>
        <translation>Saisie des codes débloquée</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="21"/>
        <source>Voting code reissued</source>
        <translation>Code de vote réémis</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="22"/>
        <source>Ballot cast</source>
        <translation>Bulletin déposé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="23"/>
        <source>Cast refused</source>
        <translation>Dépôt refusé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="24"/>
        <source>Receipt reprinted</source>
        <translation>Reçu réimprimé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="25"/>
        <source>Poll worker logged in</source>
        <translation>Assesseur connecté</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="26"/>
        <source>Poll-worker card refused</source>
        <translation>Carte d&apos;assesseur refusée</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="27"/>
        <source>Poll worker left</source>
        <translation>Assesseur sorti</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="28"/>
        <source>Sealed ballot file written</source>
        <translation>Fichier scellé des bulletins écrit</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="29"/>
        <source>Sealed ballot file not written</source>
        <translation>Fichier scellé des bulletins non écrit</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="30"/>
        <source>Clock jumped</source>
        <translation>Saut de l&apos;horloge</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="31"/>
        <source>Addendum taken in</source>
        <translation>Additif pris en compte</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="32"/>
        <source>Addendum refused</source>
        <translation>Additif refusé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="33"/>
        <source>Delegation refused: the delegate had voted</source>
        <translation>Délégation refusée : le délégué avait voté</translation>
    </message>
</context>
<context>
    <name>WorkerBar</name>
    <message>
        <location filename="../qml/WorkerBar.qml" line="6"/>
        <source>Back to the day</source>
        <translation>Retour à la journée</translation>
    </message>
    <message>
        <location filename="../qml/WorkerBar.qml" line="7"/>
        <source>Leave poll-worker mode</source>
        <translation>Quitter le mode assesseur</translation>
    </message>
</context>
<context>
    <name>WorkerCloseScreen</name>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="9"/>
        <source>Close the polls?</source>
        <translation>Clore le scrutin ?</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="13"/>
        <source>No one will be able to vote at this booth again. The closing report will be printed.</source>
        <translation>Plus personne ne pourra voter dans cet isoloir. Le rapport de clôture sera imprimé.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="14"/>
        <source>Are you sure? This cannot be undone.</source>
        <translation>En êtes-vous sûr ? C&apos;est irréversible.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="20"/>
        <source>Yes, close the polls</source>
        <translation>Oui, clore le scrutin</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="20"/>
        <source>Yes, I am sure: close now</source>
        <translation>Oui, j&apos;en suis sûr : clore maintenant</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="23"/>
        <source>No, keep the polls open</source>
        <translation>Non, garder le scrutin ouvert</translation>
    </message>
</context>
<context>
    <name>WorkerExportScreen</name>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="10"/>
        <source>Polls closed</source>
        <translation>Scrutin clos</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="13"/>
        <source>Closing report:</source>
        <translation>Rapport de clôture :</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="14"/>
        <source>Printed.</source>
        <translation>Imprimé.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="14"/>
        <source>Not printed: check the printer.</source>
        <translation>Non imprimé : vérifiez l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="18"/>
        <source>ballots: %1</source>
        <translation>bulletins : %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="20"/>
        <source>Insert a USB stick, then write the sealed ballot file.</source>
        <translation>Insérez une clé USB, puis écrivez le fichier scellé des bulletins.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="25"/>
        <source>Sealed file written and checked. Copies: %1.</source>
        <translation>Fichier scellé écrit et vérifié. Copies : %1.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="30"/>
        <source>Write the sealed ballot file</source>
        <translation>Écrire le fichier scellé des bulletins</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="30"/>
        <source>Write a second copy on another stick</source>
        <translation>Écrire une deuxième copie sur une autre clé</translation>
    </message>
</context>
<context>
    <name>WorkerHomeScreen</name>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="7"/>
        <source>set up, not open yet</source>
        <translation>installé, pas encore ouvert</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="8"/>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="9"/>
        <source>paused</source>
        <translation>suspendu</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="10"/>
        <source>closed</source>
        <translation>clos</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="12"/>
        <source>not set up</source>
        <translation>non installé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="16"/>
        <source>Receipt printer</source>
        <translation>Imprimante de reçus</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="17"/>
        <source>Card reader</source>
        <translation>Lecteur de cartes</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="18"/>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="19"/>
        <source>Code scanner</source>
        <translation>Lecteur de codes</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="20"/>
        <source>Clock</source>
        <translation>Horloge</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="28"/>
        <source>%1 MB free</source>
        <translation>%1 Mo libres</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="32"/>
        <source>working</source>
        <translation>en état de marche</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="33"/>
        <source>out of paper</source>
        <translation>plus de papier</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="34"/>
        <source>not connected</source>
        <translation>non branché</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="38"/>
        <source>fault</source>
        <translation>en panne</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="45"/>
        <source>Polls: %1</source>
        <translation>Scrutin : %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="50"/>
        <source>Open polls</source>
        <translation>Ouvrir le scrutin</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="51"/>
        <source>Pause voting</source>
        <translation>Suspendre le vote</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="52"/>
        <source>Resume voting</source>
        <translation>Reprendre le vote</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="53"/>
        <source>Close polls</source>
        <translation>Clore le scrutin</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="54"/>
        <source>Write the sealed ballot file</source>
        <translation>Écrire le fichier scellé des bulletins</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="60"/>
        <location filename="../qml/WorkerHomeScreen.qml" line="65"/>
        <source>Zero report: check that every session shows 0.</source>
        <translation>Rapport zéro : vérifiez que chaque séance indique 0.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="60"/>
        <source>Printed.</source>
        <translation>Imprimé.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="65"/>
        <source>Not printed: check the printer.</source>
        <translation>Non imprimé : vérifiez l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="67"/>
        <source>Voting sessions (ballots cast at this booth)</source>
        <translation>Séances de vote (bulletins déposés dans cet isoloir)</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="78"/>
        <source>ballots: %1</source>
        <translation>bulletins : %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="79"/>
        <source>Closed for good: its sealed ballots are with the hall (or on the stick).</source>
        <translation>Clos définitivement : ses bulletins scellés sont au bureau du hall (ou sur la clé).</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="80"/>
        <source>Closed for good: its sealed ballots wait for the hall; they go as soon as it answers.</source>
        <translation>Clos définitivement : ses bulletins scellés attendent le hall ; ils partent dès qu&apos;il répond.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="81"/>
        <source>Active: voters can vote. Tap to stop.</source>
        <translation>Active : les électeurs peuvent voter. Touchez pour arrêter.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="81"/>
        <source>Not active. Tap to open it to voters.</source>
        <translation>Inactive. Touchez pour l&apos;ouvrir aux électeurs.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="87"/>
        <source>Close this vote for good (at every booth of the hall)</source>
        <translation>Clore ce vote définitivement (dans tous les isoloirs du hall)</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="92"/>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="104"/>
        <source>Clear the code-entry lock</source>
        <translation>Lever le blocage de la saisie des codes</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="105"/>
        <source>Reissue a voting code</source>
        <translation>Réémettre un code de vote</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="106"/>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="107"/>
        <source>Take in an addendum</source>
        <translation>Prendre en compte un additif</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="108"/>
        <source>Reprint the last receipt</source>
        <translation>Réimprimer le dernier reçu</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="113"/>
        <source>The last receipt was printed again.</source>
        <translation>Le dernier reçu a été réimprimé.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="114"/>
        <source>The last receipt was already reprinted once.</source>
        <translation>Le dernier reçu a déjà été réimprimé une fois.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="115"/>
        <source>No vote has been cast at this booth yet.</source>
        <translation>Aucun vote n&apos;a encore été déposé dans cet isoloir.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="116"/>
        <source>The receipt could not be printed: check the printer.</source>
        <translation>Le reçu n&apos;a pas pu être imprimé : vérifiez l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="123"/>
        <source>Leave poll-worker mode</source>
        <translation>Quitter le mode assesseur</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="21"/>
        <source>Hall network</source>
        <translation>Réseau de la salle</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="35"/>
        <source>connected to the hall</source>
        <translation>connecté à la salle</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="36"/>
        <source>the hall cannot be reached: voters are sent to another booth; it resumes by itself</source>
        <translation>la salle est injoignable : les votants sont envoyés à un autre isoloir ; la liaison reprend d&apos;elle-même</translation>
    </message>
</context>
<context>
    <name>WorkerPinScreen</name>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="9"/>
        <source>Poll-worker card</source>
        <translation>Carte d&apos;assesseur</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="10"/>
        <source>Type the card&apos;s PIN.</source>
        <translation>Tapez le code PIN de la carte.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="15"/>
        <source>This card is not registered for this booth.</source>
        <translation>Cette carte n&apos;est pas enregistrée pour cet isoloir.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="16"/>
        <source>This card is blocked. Use another poll-worker card.</source>
        <translation>Cette carte est bloquée. Utilisez une autre carte d&apos;assesseur.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="17"/>
        <source>Wrong PIN. Tries left on this card: %1.</source>
        <translation>Code PIN erroné. Essais restants sur cette carte : %1.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="38"/>
        <source>Leave poll-worker mode</source>
        <translation>Quitter le mode assesseur</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="39"/>
        <source>Delete</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="44"/>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
</context>
<context>
    <name>WorkerProblem</name>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="8"/>
        <source>The election package was refused.</source>
        <translation>Le paquet électoral a été refusé.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="9"/>
        <source>The booth refused this change.</source>
        <translation>L&apos;isoloir a refusé ce changement.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="10"/>
        <source>The sealed file was not written. Try again, or use another stick.</source>
        <translation>Le fichier scellé n&apos;a pas été écrit. Réessayez ou utilisez une autre clé.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="11"/>
        <source>The audit log was not written. Try another stick.</source>
        <translation>Le journal d&apos;audit n&apos;a pas été écrit. Essayez une autre clé.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="12"/>
        <source>The slip could not be printed: the code stays on the screen.</source>
        <translation>Le pli n&apos;a pas pu être imprimé : le code reste affiché.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="13"/>
        <source>This card is not registered for this booth.</source>
        <translation>Cette carte n&apos;est pas enregistrée pour cet isoloir.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="14"/>
        <source>The addendum was refused and nothing changed.</source>
        <translation>L&apos;additif a été refusé et rien n&apos;a changé.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="21"/>
        <location filename="../qml/WorkerProblem.qml" line="47"/>
        <source>no USB stick is inserted</source>
        <translation>aucune clé USB n&apos;est insérée</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="22"/>
        <source>there is no election package on this stick</source>
        <translation>il n&apos;y a pas de paquet électoral sur cette clé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="23"/>
        <source>the package is not signed by its election authority, was altered, or has expired</source>
        <translation>le paquet n&apos;est pas signé par son autorité électorale, a été modifié ou a expiré</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="24"/>
        <source>there is no booth provisioning on this stick</source>
        <translation>il n&apos;y a pas de dotation d&apos;isoloir sur cette clé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="26"/>
        <source>this stick provisions &apos;%1&apos;, and this booth is &apos;%2&apos;</source>
        <translation>cette clé dote « %1 », et cet isoloir est « %2 »</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="27"/>
        <source>this is not the stick just checked: check it again</source>
        <translation>ce n&apos;est pas la clé qui vient d&apos;être vérifiée : vérifiez-la à nouveau</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="28"/>
        <source>this booth is already set up</source>
        <translation>cet isoloir est déjà installé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="29"/>
        <source>the stick cannot be read</source>
        <translation>la clé est illisible</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="34"/>
        <source>the booth is not set up with an election yet</source>
        <translation>l&apos;isoloir n&apos;est pas encore installé avec une élection</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="35"/>
        <source>polls are not open yet</source>
        <translation>le scrutin n&apos;est pas encore ouvert</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="36"/>
        <source>polls are open</source>
        <translation>le scrutin est ouvert</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="37"/>
        <source>polls are paused</source>
        <translation>le scrutin est suspendu</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="38"/>
        <source>polls are closed for this election</source>
        <translation>le scrutin est clos pour cette élection</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="39"/>
        <source>ballots are already stored on this booth</source>
        <translation>des bulletins sont déjà enregistrés dans cet isoloir</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="40"/>
        <source>sessions cannot change: polls are closed</source>
        <translation>les séances ne peuvent plus changer : le scrutin est clos</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="41"/>
        <source>this vote is closed for good and cannot open again</source>
        <translation>ce vote est clos définitivement et ne peut pas rouvrir</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="43"/>
        <source>close the polls before exporting the sealed ballot file</source>
        <translation>clôturez le scrutin avant d&apos;exporter le fichier scellé des bulletins</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="44"/>
        <source>the sealed ballot file does not verify</source>
        <translation>le fichier scellé des bulletins ne se vérifie pas</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="45"/>
        <source>the sealed ballot file could not be written</source>
        <translation>le fichier scellé des bulletins n&apos;a pas pu être écrit</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="46"/>
        <source>the audit log has no closing event</source>
        <translation>le journal d&apos;audit ne contient pas de clôture</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="48"/>
        <source>the stick was pulled out during the write; insert another</source>
        <translation>la clé a été retirée pendant l&apos;écriture ; insérez-en une autre</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="49"/>
        <source>the stick is full; insert another</source>
        <translation>la clé est pleine ; insérez-en une autre</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="50"/>
        <source>the stick is write-protected; insert another</source>
        <translation>la clé est protégée en écriture ; insérez-en une autre</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="51"/>
        <source>the stick gave back other bytes than were written; insert another</source>
        <translation>la clé a rendu d&apos;autres octets que ceux écrits ; insérez-en une autre</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="53"/>
        <source>there is no addendum on this stick</source>
        <translation>cette clé ne contient aucun additif</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="54"/>
        <source>this is not an addendum, or it is damaged</source>
        <translation>ce n&apos;est pas un additif, ou il est endommagé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="55"/>
        <source>it is not signed by this election&apos;s authority, or was altered since. Do not use this stick: call the election officials</source>
        <translation>il n&apos;est pas signé par l&apos;autorité de cette élection, ou a été modifié depuis. N&apos;utilisez pas cette clé : appelez les responsables de l&apos;élection</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="56"/>
        <source>it amends another election, or another package of this one</source>
        <translation>il modifie une autre élection, ou un autre paquet de celle-ci</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="57"/>
        <source>this booth already took it in; the stick holds nothing new</source>
        <translation>cet isoloir l&apos;a déjà pris en compte ; la clé ne contient rien de nouveau</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="58"/>
        <source>an earlier addendum is missing from the stick: it must be taken in first</source>
        <translation>un additif antérieur manque sur la clé : il doit être pris en compte d&apos;abord</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="59"/>
        <source>it does not follow the addenda this booth holds. Call the election officials</source>
        <translation>il ne fait pas suite aux additifs de cet isoloir. Appelez les responsables de l&apos;élection</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="60"/>
        <source>its changes do not fit this election. Call the election officials</source>
        <translation>ses changements ne correspondent pas à cette élection. Appelez les responsables de l&apos;élection</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="61"/>
        <source>the stick no longer holds the addendum just shown: check it again</source>
        <translation>la clé ne contient plus l&apos;additif affiché : vérifiez-la de nouveau</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="62"/>
        <source>votes were already cast at this booth in &apos;%1&apos; under its earlier weighting, and addendum %2 would count them under another. Call the election officials</source>
        <translation>des votes ont déjà été exprimés dans cet isoloir dans « %1 » sous sa pondération antérieure, et l&apos;additif %2 les compterait sous une autre. Appelez les responsables de l&apos;élection</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="25"/>
        <source>the booth provisioning is damaged, or names a booth this election does not have</source>
        <translation>la fiche d&apos;installation de l&apos;isoloir est endommagée, ou nomme un isoloir que cette élection n&apos;a pas</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="30"/>
        <source>this election package is signed by another authority than the one this booth trusts. Do not use this stick: call the election officials</source>
        <translation>ce paquet électoral est signé par une autre autorité que celle à laquelle cet isoloir fait confiance. N&apos;utilisez pas cette clé : appelez les responsables de l&apos;élection</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="31"/>
        <source>this stick already set up a booth. A second booth set up from it would have its ballots refused: ask the election officials for a new stick</source>
        <translation>cette clé a déjà servi à installer un isoloir. Les bulletins d&apos;un second isoloir installé avec elle seraient refusés : demandez une nouvelle clé aux responsables de l&apos;élection</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="32"/>
        <source>this card is not registered to a poll worker of this booth, or it did not sign the booth&apos;s key: insert it again, or use another</source>
        <translation>cette carte n&apos;est pas enregistrée pour un assesseur de cet isoloir, ou n&apos;a pas signé la clé de l&apos;isoloir : insérez-la de nouveau, ou utilisez-en une autre</translation>
    </message>
</context>
<context>
    <name>WorkerReissueScreen</name>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="11"/>
        <source>Reissue a voting code</source>
        <translation>Réémettre un code de vote</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="16"/>
        <source>New code for %1. The old code no longer works. Hidden in %2 seconds.</source>
        <translation>Nouveau code pour %1. L&apos;ancien code ne fonctionne plus. Masqué dans %2 secondes.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="18"/>
        <source>Print it as a sealed slip instead</source>
        <translation>L&apos;imprimer plutôt sur un pli scellé</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="23"/>
        <source>The code was printed as a sealed slip. Give it to the voter.</source>
        <translation>Le code a été imprimé sur un pli scellé. Remettez-le à l&apos;électeur.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="26"/>
        <source>Find the voter by name or number:</source>
        <translation>Chercher l&apos;électeur par nom ou numéro :</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="43"/>
        <source>Tap to reissue this voter&apos;s code</source>
        <translation>Touchez pour réémettre le code de cet électeur</translation>
    </message>
</context>
<context>
    <name>WorkerSetupScreen</name>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="9"/>
        <source>Set up this booth</source>
        <translation>Installer cet isoloir</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="10"/>
        <source>Insert the USB stick with the election package, then check it.</source>
        <translation>Insérez la clé USB contenant le paquet électoral, puis vérifiez-la.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="11"/>
        <source>Check the USB stick</source>
        <translation>Vérifier la clé USB</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="17"/>
        <source>Election: %1</source>
        <translation>Élection : %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="18"/>
        <source>Booth: %1</source>
        <translation>Isoloir : %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="19"/>
        <source>Compare this fingerprint with the one the election officials gave you:</source>
        <translation>Comparez cette empreinte avec celle fournie par les responsables de l&apos;élection :</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="25"/>
        <source>Leave poll-worker mode</source>
        <translation>Quitter le mode assesseur</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="21"/>
        <source>Your card will certify this booth&apos;s own signing key. Choose the vote, or a rehearsal:</source>
        <translation>Votre carte va certifier la clé de signature propre à cet isoloir. Choisissez le vote, ou une répétition :</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="22"/>
        <source>They match: set up the booth for the official vote</source>
        <translation>Elles correspondent : installer l&apos;isoloir pour le vote officiel</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="23"/>
        <source>They match: set up the booth in test mode (a rehearsal, never counted)</source>
        <translation>Elles correspondent : installer l&apos;isoloir en mode essai (une répétition, jamais comptée)</translation>
    </message>
</context>
</TS>
