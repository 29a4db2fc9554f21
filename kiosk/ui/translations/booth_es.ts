<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>CastDoneScreen</name>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="6" />
        <source>Your vote has been recorded</source>
        <translation>Su voto ha quedado registrado</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="7" />
        <source>Your tracking code:</source>
        <translation>Su código de seguimiento:</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="20" />
        <source>Your receipt has been printed. Take it with you.</source>
        <translation>Su comprobante se ha impreso. Lléveselo.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="21" />
        <source>The receipt could not be printed: the printer is out of paper. Your vote is recorded. Please tell a poll worker.</source>
        <translation>No se pudo imprimir el comprobante: la impresora no tiene papel. Su voto está registrado. Avise a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="22" />
        <source>The receipt could not be printed. Your vote is recorded. Please tell a poll worker.</source>
        <translation>No se pudo imprimir el comprobante. Su voto está registrado. Avise a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="23" />
        <source>No receipt is printed at this booth: note your tracking code if you wish to check it later.</source>
        <translation>Esta cabina no imprime comprobantes: anote su código de seguimiento si desea verificarlo más tarde.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="25" />
        <source>Done</source>
        <translation>Terminar</translation>
    </message>
</context>
<context>
    <name>CastFailedScreen</name>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="6" />
        <source>Your vote was NOT recorded</source>
        <translation>Su voto NO ha quedado registrado</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="9" />
        <source>The booth refused this vote: the session may have been closed. Nothing was recorded. Please ask a poll worker.</source>
        <translation>La cabina rechazó este voto: puede que la sesión se haya cerrado. No se registró nada. Consulte a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="10" />
        <source>The booth could not store your vote. Nothing was recorded and your answers are kept. Try again, or ask a poll worker.</source>
        <translation>La cabina no pudo guardar su voto. No se registró nada y se conservan sus respuestas. Inténtelo de nuevo o consulte a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="12" />
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="13" />
        <source>Back to sessions</source>
        <translation>Volver a las sesiones</translation>
    </message>
</context>
<context>
    <name>CodeEntryScreen</name>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="21" />
        <source>A voting code has 24 characters. Check that none is missing.</source>
        <translation>Un código de votación tiene 24 caracteres. Compruebe que no falte ninguno.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="22" />
        <source>This code has a typing mistake. Check group %1.</source>
        <translation>Este código tiene un error de escritura. Revise el grupo %1.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="23" />
        <source>This code has a typing mistake. Check it against your notice.</source>
        <translation>Este código tiene un error de escritura. Compárelo con su notificación.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="24" />
        <source>This code is not known at this booth. Check it, or ask a poll worker.</source>
        <translation>Esta cabina no reconoce este código. Revíselo o consulte a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="25" />
        <source>This code has already been used to vote in every session open to you.</source>
        <translation>Este código ya se usó para votar en todas las sesiones abiertas para usted.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="26" />
        <source>Too many wrong codes: the booth is locked for %1 seconds. Please see a poll worker.</source>
        <translation>Demasiados códigos erróneos: la cabina queda bloqueada durante %1 segundos. Diríjase a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="27" />
        <source>Voting is not open at this booth now. Please see a poll worker.</source>
        <translation>La votación no está abierta en esta cabina ahora. Diríjase a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="36" />
        <source>Type the voting code printed on your notice, or hold it under the scanner.</source>
        <translation>Escriba el código de votación impreso en su notificación o acérquelo al lector.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="65" />
        <source>Tries left before the booth locks: %1.</source>
        <translation>Intentos restantes antes del bloqueo de la cabina: %1.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="92" />
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="93" />
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="94" />
        <source>Clear</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="99" />
        <source>Check my code</source>
        <translation>Comprobar mi código</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="6" />
        <source>Submit your vote now?</source>
        <translation>¿Emitir su voto ahora?</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="7" />
        <source>This is final. Once submitted, your vote cannot be changed.</source>
        <translation>Es definitivo. Una vez emitido, su voto no se puede cambiar.</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="11" />
        <source>Yes, submit my vote</source>
        <translation>Sí, emitir mi voto</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="14" />
        <source>No, go back to the review</source>
        <translation>No, volver al resumen</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="7" />
        <source>Choose one list.</source>
        <translation>Elija una lista.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="9" />
        <source>Choose at least %1 and at most %2.</source>
        <translation>Elija al menos %1 y como máximo %2.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="10" />
        <source>Choose up to %1.</source>
        <translation>Elija hasta %1.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="12" />
        <source>Choose one answer.</source>
        <translation>Elija una respuesta.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="18" />
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="21" />
        <source>You may leave this question blank.</source>
        <translation>Puede dejar esta pregunta en blanco.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="25" />
        <source>You have chosen the most allowed. To choose another, first tap a chosen one to remove it.</source>
        <translation>Ha elegido el máximo permitido. Para elegir otra, toque primero una elegida para quitarla.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="39" />
        <source>Chosen</source>
        <translation>Elegida</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="51" />
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="56" />
        <source>Back to review</source>
        <translation>Volver al resumen</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="56" />
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="62" />
        <source>Choose an answer to continue.</source>
        <translation>Elija una respuesta para continuar.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="9" />
        <source>Review your answers</source>
        <translation>Revise sus respuestas</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="13" />
        <source>Questions with no answer: %1. You can still answer them with Change.</source>
        <translation>Preguntas sin respuesta: %1. Aún puede responderlas con Cambiar.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="39" />
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="46" />
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="57" />
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="61" />
        <source>Submit your vote</source>
        <translation>Emitir su voto</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="62" />
        <source>This is final: your vote cannot be changed afterwards.</source>
        <translation>Es definitivo: después no podrá cambiar su voto.</translation>
    </message>
</context>
<context>
    <name>ScrollArea</name>
    <message>
        <location filename="../qml/ScrollArea.qml" line="28" />
        <source>Show more above</source>
        <translation>Ver más arriba</translation>
    </message>
    <message>
        <location filename="../qml/ScrollArea.qml" line="34" />
        <source>Show more below</source>
        <translation>Ver más abajo</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="5" />
        <source>Voting sessions</source>
        <translation>Sesiones de votación</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="17" />
        <source>Open: tap to vote</source>
        <translation>Abierta: toque para votar</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="18" />
        <source>You have voted</source>
        <translation>Ya ha votado</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="19" />
        <source>Not open now</source>
        <translation>No abierta ahora</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="29" />
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
</context>
<context>
    <name>TimeoutWarning</name>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="12" />
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="15" />
        <source>For your privacy, the booth will return to the start in %1 seconds and forget the answers you have not submitted.</source>
        <translation>Para proteger su voto, la cabina volverá al inicio en %1 segundos y olvidará las respuestas no emitidas.</translation>
    </message>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="20" />
        <source>I need more time</source>
        <translation>Necesito más tiempo</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="17" />
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="22" />
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="22" />
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="23" />
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="23" />
        <source>standard</source>
        <translation>estándar</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="6" />
        <source>Insert your card or enter your voting code</source>
        <translation>Inserte su tarjeta o introduzca su código de votación</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="10" />
        <source>Enter a voting code</source>
        <translation>Introducir un código de votación</translation>
    </message>
</context>
</TS>