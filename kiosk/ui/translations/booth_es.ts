<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BigButton</name>
    <message>
        <location filename="../qml/BigButton.qml" line="23"/>
        <location filename="../qml/BigButton.qml" line="23"/>
        <source>Chosen</source>
        <translation>Elegida</translation>
    </message>
    <message>
        <location filename="../qml/BigButton.qml" line="24"/>
        <source>Not available</source>
        <translation>No disponible</translation>
    </message>
</context>
<context>
    <name>CastDoneScreen</name>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="9"/>
        <source>Your vote has been recorded</source>
        <translation>Su voto ha quedado registrado</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="10"/>
        <source>Your tracking code:</source>
        <translation>Su código de seguimiento:</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="24"/>
        <source>Your receipt has been printed. Take it with you.</source>
        <translation>Su comprobante se ha impreso. Lléveselo.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="25"/>
        <source>The receipt could not be printed: the printer is out of paper. Your vote is recorded. Please tell a poll worker.</source>
        <translation>No se pudo imprimir el comprobante: la impresora no tiene papel. Su voto está registrado. Avise a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="26"/>
        <source>The receipt could not be printed. Your vote is recorded. Please tell a poll worker.</source>
        <translation>No se pudo imprimir el comprobante. Su voto está registrado. Avise a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="27"/>
        <source>No receipt is printed at this booth: note your tracking code if you wish to check it later.</source>
        <translation>Esta cabina no imprime comprobantes: anote su código de seguimiento si desea verificarlo más tarde.</translation>
    </message>
    <message>
        <location filename="../qml/CastDoneScreen.qml" line="29"/>
        <source>Done</source>
        <translation>Terminar</translation>
    </message>
</context>
<context>
    <name>CastFailedScreen</name>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="22"/>
        <source>Your vote was NOT recorded</source>
        <translation>Su voto NO ha quedado registrado</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="10"/>
        <source>The booth refused this vote: the session may have been closed. Nothing was recorded. Please ask a poll worker.</source>
        <translation>La cabina rechazó este voto: puede que la sesión se haya cerrado. No se registró nada. Consulte a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="9"/>
        <source>The booth refused this vote: polls are not open now. Nothing was recorded. Please ask a poll worker.</source>
        <translation>La cabina rechazó este voto: la votación no está abierta ahora. No se registró nada. Consulte a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="11"/>
        <source>The booth refused this vote: you may not vote in this session. Nothing was recorded. Please ask a poll worker.</source>
        <translation>La cabina rechazó este voto: usted no puede votar en esta sesión. No se registró nada. Consulte a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="12"/>
        <source>The booth refused this vote: a vote was already cast in this session. Nothing was recorded. Please ask a poll worker.</source>
        <translation>La cabina rechazó este voto: ya se emitió un voto en esta sesión. No se registró nada. Consulte a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="15"/>
        <source>The booth could not store your vote. Nothing was recorded and your answers are kept. Try again, or ask a poll worker.</source>
        <translation>La cabina no pudo guardar su voto. No se registró nada y se conservan sus respuestas. Inténtelo de nuevo o consulte a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="24"/>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="25"/>
        <source>Back to sessions</source>
        <translation>Volver a las sesiones</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="13"/>
        <source>The booth refused this vote: a vote with your code is being recorded at another booth in this session. Nothing was recorded here. Please ask a poll worker.</source>
        <translation>La cabina rechazó este voto: un voto con su código se está registrando en otra cabina en esta votación. Aquí no se registró nada. Pida ayuda a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CastFailedScreen.qml" line="14"/>
        <source>This booth cannot reach the hall just now. Your vote was NOT recorded. Please go to another booth.</source>
        <translation>Esta cabina no puede comunicarse con la sala en este momento. Su voto NO se registró. Vaya a otra cabina.</translation>
    </message>
</context>
<context>
    <name>CastOrCheckScreen</name>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="10"/>
        <source>Your ballot is sealed</source>
        <translation>Su papeleta está sellada</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="11"/>
        <source>Its code is printed on the slip:</source>
        <translation>Su código está impreso en el comprobante:</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="27"/>
        <source>Cast this ballot</source>
        <translation>Depositar esta papeleta</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="28"/>
        <source>This is final: your vote is recorded and cannot be changed afterwards.</source>
        <translation>Es definitivo: su voto queda registrado y no podrá cambiarse después.</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="35"/>
        <source>Check this ballot</source>
        <translation>Verificar esta papeleta</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="37"/>
        <source>A checked ballot is opened, shown publicly and never counted; you then vote again.</source>
        <translation>Una papeleta verificada se abre, se publica y nunca se cuenta; después vuelve a votar.</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="38"/>
        <source>You have checked as many ballots as this booth allows: cast this one.</source>
        <translation>Ha verificado tantas papeletas como permite esta cabina: deposite esta.</translation>
    </message>
    <message>
        <location filename="../qml/CastOrCheckScreen.qml" line="41"/>
        <source>Checking lets you confirm, with the slip, that the booth encrypted exactly your choices. Anyone may see a checked ballot&apos;s choices.</source>
        <translation>Verificar le permite confirmar, con el comprobante, que la cabina cifró exactamente sus opciones. Cualquiera puede ver las opciones de una papeleta verificada.</translation>
    </message>
</context>
<context>
    <name>CheckDoneScreen</name>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="9"/>
        <source>This ballot was checked: it will not be counted</source>
        <translation>Esta papeleta fue verificada: no se contará</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="10"/>
        <source>Checked ballot code:</source>
        <translation>Código de la papeleta verificada:</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="25"/>
        <source>Take the slip: scan its QR code with a phone or at the observers&apos; desk to confirm the booth encrypted the choices printed on it.</source>
        <translation>Tome el comprobante: escanee su código QR con un teléfono o en la mesa de los observadores para confirmar que la cabina cifró las opciones impresas en él.</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="26"/>
        <source>The slip could not be printed. Nothing was counted. Please tell a poll worker.</source>
        <translation>No se pudo imprimir el comprobante. No se contó nada. Avise a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="28"/>
        <source>You have not voted yet. Vote again: your answers are kept, change any you like.</source>
        <translation>Todavía no ha votado. Vuelva a votar: sus respuestas se conservan, cambie las que quiera.</translation>
    </message>
    <message>
        <location filename="../qml/CheckDoneScreen.qml" line="29"/>
        <source>Vote again</source>
        <translation>Volver a votar</translation>
    </message>
</context>
<context>
    <name>CodeEntryScreen</name>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="22"/>
        <source>A voting code has 24 characters. Check that none is missing.</source>
        <translation>Un código de votación tiene 24 caracteres. Compruebe que no falte ninguno.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="23"/>
        <source>This code has a typing mistake. Check group %1.</source>
        <translation>Este código tiene un error de escritura. Revise el grupo %1.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="24"/>
        <source>This code has a typing mistake. Check it against your notice.</source>
        <translation>Este código tiene un error de escritura. Compárelo con su notificación.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="25"/>
        <source>This code is not known at this booth. Check it, or ask a poll worker.</source>
        <translation>Esta cabina no reconoce este código. Revíselo o consulte a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="26"/>
        <source>This code has already been used to vote in every session open to you.</source>
        <translation>Este código ya se usó para votar en todas las sesiones abiertas para usted.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="27"/>
        <source>You have no delegation for this vote; only a delegate may hand you their vote, through the Credentials Committee. Please see a poll worker.</source>
        <translation>No tiene ninguna delegación para esta votación; solo un delegado puede confiarle su voto, por medio de la Comisión de Verificación de Poderes. Diríjase a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="28"/>
        <source>Too many wrong codes: the booth is locked for %1 seconds. Please see a poll worker.</source>
        <translation>Demasiados códigos erróneos: la cabina queda bloqueada durante %1 segundos. Diríjase a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="29"/>
        <source>Voting is not open at this booth now. Please see a poll worker.</source>
        <translation>La votación no está abierta en esta cabina ahora. Diríjase a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="49"/>
        <source>Type the voting code printed on your notice, or hold it under the scanner.</source>
        <translation>Escriba el código de votación impreso en su notificación o acérquelo al lector.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="84"/>
        <source>Tries left before the booth locks: %1.</source>
        <translation>Intentos restantes antes del bloqueo de la cabina: %1.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="94"/>
        <source>Type group %1 again</source>
        <translation>Volver a escribir el grupo %1</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="104"/>
        <source>A keypad with the letters and digits of voting codes: move to a key, then select it.</source>
        <translation>Un teclado con las letras y las cifras de los códigos de votación: vaya a una tecla y selecciónela.</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="130"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="131"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="132"/>
        <source>Clear</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="137"/>
        <source>Check my code</source>
        <translation>Comprobar mi código</translation>
    </message>
    <message>
        <location filename="../qml/CodeEntryScreen.qml" line="30"/>
        <source>This booth cannot reach the hall just now. Please go to another booth.</source>
        <translation>Esta cabina no puede comunicarse con la sala en este momento. Vaya a otra cabina.</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="9"/>
        <source>Submit your vote now?</source>
        <translation>¿Emitir su voto ahora?</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="10"/>
        <source>This is final. Once submitted, your vote cannot be changed.</source>
        <translation>Es definitivo. Una vez emitido, su voto no se puede cambiar.</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="14"/>
        <source>Yes, submit my vote</source>
        <translation>Sí, emitir mi voto</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmScreen.qml" line="17"/>
        <source>No, go back to the review</source>
        <translation>No, volver al resumen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="14"/>
        <source>Slower</source>
        <translation>Más lento</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="15"/>
        <source>Faster</source>
        <translation>Más rápido</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <source>Softer</source>
        <translation>Más bajo</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="17"/>
        <source>Louder</source>
        <translation>Más alto</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="18"/>
        <source>The screen is dark. Press blank again to show it.</source>
        <translation>La pantalla está negra. Pulse de nuevo pantalla negra para volver a verla.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="19"/>
        <source>The screen is showing again.</source>
        <translation>La pantalla vuelve a mostrarse.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="20"/>
        <source>Press the up and down arrows to move from one item to the next, and the select key to choose. The back key goes back. To hear the screen again, press repeat. Slower, faster, softer and louder change the voice. Blank turns the screen dark for your privacy.</source>
        <translation>Pulse las flechas arriba y abajo para pasar de un elemento a otro, y la tecla de selección para elegir. La tecla atrás vuelve atrás. Para oír de nuevo la pantalla, pulse repetir. Más lento, más rápido, más bajo y más alto ajustan la voz. Pantalla negra apaga la pantalla para proteger el secreto de su voto.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="49"/>
        <source>TEST MODE: this booth is set up for a rehearsal. Votes cast here are not counted.</source>
        <translation>MODO DE PRUEBA: esta cabina está preparada para un ensayo. Los votos emitidos aquí no se cuentan.</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <location filename="../qml/Pager.qml" line="12"/>
        <source>More above</source>
        <translation>Más arriba</translation>
    </message>
    <message>
        <location filename="../qml/Pager.qml" line="19"/>
        <source>More below</source>
        <translation>Más abajo</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="8"/>
        <source>Choose one list.</source>
        <translation>Elija una lista.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="10"/>
        <source>Choose at least %1 and at most %2.</source>
        <translation>Elija al menos %1 y como máximo %2.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="11"/>
        <source>Choose up to %1.</source>
        <translation>Elija hasta %1.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="13"/>
        <source>Choose one answer.</source>
        <translation>Elija una respuesta.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="27"/>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="30"/>
        <source>You may leave this question blank.</source>
        <translation>Puede dejar esta pregunta en blanco.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="34"/>
        <source>You have chosen the most allowed. To choose another, first tap a chosen one to remove it.</source>
        <translation>Ha elegido el máximo permitido. Para elegir otra, toque primero una elegida para quitarla.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="43"/>
        <source>Chosen</source>
        <translation>Elegida</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="60"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="65"/>
        <source>Back to review</source>
        <translation>Volver al resumen</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="65"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../qml/QuestionScreen.qml" line="52"/>
        <source>Choose an answer to continue.</source>
        <translation>Elija una respuesta para continuar.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="20"/>
        <source>Review your answers</source>
        <translation>Revise sus respuestas</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="24"/>
        <source>Question %1 has no answer.</source>
        <translation>La pregunta %1 no tiene respuesta.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="25"/>
        <source>Questions %1 have no answer.</source>
        <translation>Las preguntas %1 no tienen respuesta.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="26"/>
        <source>You can still answer with Change.</source>
        <translation>Todavía puede responder con Cambiar.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="49"/>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="54"/>
        <source>You chose %1 of up to %2.</source>
        <translation>Ha elegido %1 de un máximo de %2.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="61"/>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="93"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="73"/>
        <source>Submit your vote</source>
        <translation>Emitir su voto</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="74"/>
        <source>This is final: your vote cannot be changed afterwards.</source>
        <translation>Es definitivo: después no podrá cambiar su voto.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="83"/>
        <source>Seal my ballot</source>
        <translation>Sellar mi papeleta</translation>
    </message>
    <message>
        <location filename="../qml/ReviewScreen.qml" line="84"/>
        <source>The booth prints your ballot&apos;s code, then asks you to cast it or check it.</source>
        <translation>La cabina imprime el código de su papeleta y luego le pide que la deposite o la verifique.</translation>
    </message>
</context>
<context>
    <name>SealFailedScreen</name>
    <message>
        <location filename="../qml/SealFailedScreen.qml" line="8"/>
        <source>Your ballot was NOT sealed</source>
        <translation>Su papeleta NO fue sellada</translation>
    </message>
    <message>
        <location filename="../qml/SealFailedScreen.qml" line="12"/>
        <source>The printer is out of paper, so the ballot&apos;s code could not be printed. Nothing was recorded. Please ask a poll worker.</source>
        <translation>La impresora no tiene papel: no se pudo imprimir el código de la papeleta. No se registró nada. Pida ayuda a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/SealFailedScreen.qml" line="13"/>
        <source>The ballot&apos;s code could not be printed. Nothing was recorded. Please ask a poll worker.</source>
        <translation>No se pudo imprimir el código de la papeleta. No se registró nada. Pida ayuda a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/SealFailedScreen.qml" line="15"/>
        <source>Back to the review</source>
        <translation>Volver al resumen</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="12"/>
        <source>Voting sessions</source>
        <translation>Sesiones de votación</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="19"/>
        <source>Open: tap to vote</source>
        <translation>Abierta: toque para votar</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="20"/>
        <source>You have voted</source>
        <translation>Ya ha votado</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="21"/>
        <source>Not open now</source>
        <translation>No abierta ahora</translation>
    </message>
    <message>
        <location filename="../qml/SessionsScreen.qml" line="32"/>
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
</context>
<context>
    <name>SizePicker</name>
    <message>
        <location filename="../qml/SizePicker.qml" line="9"/>
        <source>Small</source>
        <translation>Pequeño</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="9"/>
        <source>Standard</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="9"/>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="9"/>
        <source>Extra large</source>
        <translation>Muy grande</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="18"/>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="26"/>
        <source>The booth&apos;s usual size</source>
        <translation>El tamaño habitual de la cabina</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="33"/>
        <source>Reset the text size and contrast</source>
        <translation>Restablecer el tamaño del texto y el contraste</translation>
    </message>
    <message>
        <location filename="../qml/SizePicker.qml" line="39"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>TimeoutWarning</name>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="13"/>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="16"/>
        <source>For your privacy, the booth will return to the start in %1 seconds and forget the answers you have not submitted.</source>
        <translation>Para proteger su voto, la cabina volverá al inicio en %1 segundos y olvidará las respuestas no emitidas.</translation>
    </message>
    <message>
        <location filename="../qml/TimeoutWarning.qml" line="21"/>
        <source>I need more time</source>
        <translation>Necesito más tiempo</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="7"/>
        <source>Small</source>
        <translation>Pequeño</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="7"/>
        <source>Standard</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="7"/>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="7"/>
        <source>Extra large</source>
        <translation>Muy grande</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="22"/>
        <source>Text size: %1</source>
        <translation>Tamaño del texto: %1</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="28"/>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="28"/>
        <source>Contrast: %1</source>
        <translation>Contraste: %1</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="29"/>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="29"/>
        <source>standard</source>
        <translation>estándar</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="12"/>
        <source>This booth is not set up yet. Please see a poll worker.</source>
        <translation>Esta cabina aún no está configurada. Diríjase a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="17"/>
        <source>Voting is not open at this booth now. Please see a poll worker.</source>
        <translation>La votación no está abierta en esta cabina ahora. Diríjase a un miembro de la mesa.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="19"/>
        <source>Insert your card or enter your voting code</source>
        <translation>Inserte su tarjeta o introduzca su código de votación</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="24"/>
        <source>Enter a voting code</source>
        <translation>Introducir un código de votación</translation>
    </message>
</context>
<context>
    <name>WorkerAddendumScreen</name>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="8"/>
        <source>A vote is added: %1</source>
        <translation>Se añade una votación: %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="9"/>
        <source>%1 votes in the place of %2 in: %3</source>
        <translation>%1 vota en lugar de %2 en: %3</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="10"/>
        <source>Refused: %2 already voted in %3, so %1 cannot vote in their place</source>
        <translation>Rechazado: %2 ya votó en %3, así que %1 no puede votar en su lugar</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="11"/>
        <source>%1 votes again in person in: %2</source>
        <translation>%1 vuelve a votar en persona en: %2</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="12"/>
        <source>A voter is added to this booth: %1</source>
        <translation>Se añade un votante a esta cabina: %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="13"/>
        <source>A new voting code for %1: their old code stops working</source>
        <translation>Un nuevo código de votación para %1: su código anterior deja de funcionar</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="14"/>
        <source>Struck off the roll: %1 can no longer vote</source>
        <translation>Eliminado del padrón: %1 ya no puede votar</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="15"/>
        <source>%1 is weighted by group, equal strength for each group:</source>
        <translation>%1 se pondera por grupo, con igual fuerza para cada grupo:</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="16"/>
        <source>%1 is weighted per voter: each voter carries their own mandates</source>
        <translation>%1 se pondera por votante: cada votante lleva sus propios mandatos</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="17"/>
        <source>%1 is no longer weighted: one vote per ballot</source>
        <translation>%1 ya no se pondera: un voto por papeleta</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="18"/>
        <source>%1: %2 members entitled to vote, %3 votes each</source>
        <translation>%1: %2 miembros con derecho a voto, %3 votos cada uno</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="25"/>
        <source>Take in an addendum</source>
        <translation>Incorporar una adenda</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="26"/>
        <source>Addenda this booth holds: %1</source>
        <translation>Adendas que tiene esta cabina: %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="27"/>
        <source>Insert the officials&apos; USB stick with the addendum, then check it.</source>
        <translation>Inserte la memoria USB de los responsables con la adenda y verifíquela.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="28"/>
        <source>Check the USB stick</source>
        <translation>Verificar la memoria USB</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="33"/>
        <source>Addendum %1 was taken in. Check the stick again for the next one.</source>
        <translation>La adenda %1 se incorporó. Verifique de nuevo la memoria para la siguiente.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="40"/>
        <source>Addendum %1, signed by the election authority</source>
        <translation>Adenda %1, firmada por la autoridad electoral</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="41"/>
        <source>What it changes at this booth:</source>
        <translation>Lo que cambia en esta cabina:</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="42"/>
        <source>Nothing for the voters of this booth.</source>
        <translation>Nada para los votantes de esta cabina.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="47"/>
        <source>Accept this addendum</source>
        <translation>Aceptar esta adenda</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAddendumScreen.qml" line="49"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
</context>
<context>
    <name>WorkerAuditScreen</name>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="46"/>
        <source>Audit log: recent events</source>
        <translation>Registro de auditoría: eventos recientes</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="60"/>
        <source>Write the full log to the USB stick</source>
        <translation>Escribir el registro completo en la memoria USB</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="9"/>
        <source>Booth set up (its key certified by the poll worker&apos;s card)</source>
        <translation>Cabina preparada (su clave certificada por la tarjeta del miembro de mesa)</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="10"/>
        <source>Polls opened</source>
        <translation>Votación abierta</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="11"/>
        <source>Polls paused</source>
        <translation>Votación suspendida</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="12"/>
        <source>Polls resumed</source>
        <translation>Votación reanudada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="13"/>
        <source>Polls closed</source>
        <translation>Votación cerrada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="14"/>
        <source>Change refused</source>
        <translation>Cambio rechazado</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="15"/>
        <source>Voting session opened</source>
        <translation>Sesión de votación abierta</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="16"/>
        <source>Voting session closed</source>
        <translation>Sesión de votación cerrada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="17"/>
        <source>Voter let in</source>
        <translation>Votante admitido</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="18"/>
        <source>Voting code refused</source>
        <translation>Código de votación rechazado</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="19"/>
        <source>Code entry locked</source>
        <translation>Entrada de códigos bloqueada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="20"/>
        <source>Code entry unlocked</source>
        <translation>Entrada de códigos desbloqueada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="21"/>
        <source>Voting code reissued</source>
        <translation>Código de votación reemitido</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="22"/>
        <source>Ballot cast</source>
        <translation>Papeleta emitida</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="23"/>
        <source>Cast refused</source>
        <translation>Emisión rechazada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="24"/>
        <source>Receipt reprinted</source>
        <translation>Comprobante reimpreso</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="25"/>
        <source>Poll worker logged in</source>
        <translation>Miembro de mesa conectado</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="26"/>
        <source>Poll-worker card refused</source>
        <translation>Tarjeta de miembro de mesa rechazada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="27"/>
        <source>Poll worker left</source>
        <translation>Miembro de mesa salió</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="28"/>
        <source>Sealed ballot file written</source>
        <translation>Archivo sellado de papeletas escrito</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="29"/>
        <source>Sealed ballot file not written</source>
        <translation>Archivo sellado de papeletas no escrito</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="30"/>
        <source>Clock jumped</source>
        <translation>Salto del reloj</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="31"/>
        <source>Addendum taken in</source>
        <translation>Adenda incorporada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="32"/>
        <source>Addendum refused</source>
        <translation>Adenda rechazada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerAuditScreen.qml" line="33"/>
        <source>Delegation refused: the delegate had voted</source>
        <translation>Delegación rechazada: el delegado ya había votado</translation>
    </message>
</context>
<context>
    <name>WorkerBar</name>
    <message>
        <location filename="../qml/WorkerBar.qml" line="6"/>
        <source>Back to the day</source>
        <translation>Volver a la jornada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerBar.qml" line="7"/>
        <source>Leave poll-worker mode</source>
        <translation>Salir del modo de mesa</translation>
    </message>
</context>
<context>
    <name>WorkerCloseScreen</name>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="9"/>
        <source>Close the polls?</source>
        <translation>¿Cerrar la votación?</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="13"/>
        <source>No one will be able to vote at this booth again. The closing report will be printed.</source>
        <translation>Nadie podrá volver a votar en esta cabina. Se imprimirá el acta de cierre.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="14"/>
        <source>Are you sure? This cannot be undone.</source>
        <translation>¿Está seguro? No se puede deshacer.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="20"/>
        <source>Yes, close the polls</source>
        <translation>Sí, cerrar la votación</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="20"/>
        <source>Yes, I am sure: close now</source>
        <translation>Sí, estoy seguro: cerrar ahora</translation>
    </message>
    <message>
        <location filename="../qml/WorkerCloseScreen.qml" line="23"/>
        <source>No, keep the polls open</source>
        <translation>No, mantener la votación abierta</translation>
    </message>
</context>
<context>
    <name>WorkerExportScreen</name>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="10"/>
        <source>Polls closed</source>
        <translation>Votación cerrada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="13"/>
        <source>Closing report:</source>
        <translation>Acta de cierre:</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="14"/>
        <source>Printed.</source>
        <translation>Impresa.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="14"/>
        <source>Not printed: check the printer.</source>
        <translation>No impresa: revise la impresora.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="18"/>
        <source>ballots: %1</source>
        <translation>papeletas: %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="20"/>
        <source>Insert a USB stick, then write the sealed ballot file.</source>
        <translation>Inserte una memoria USB y escriba el archivo sellado de papeletas.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="25"/>
        <source>Sealed file written and checked. Copies: %1.</source>
        <translation>Archivo sellado escrito y verificado. Copias: %1.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="30"/>
        <source>Write the sealed ballot file</source>
        <translation>Escribir el archivo sellado de papeletas</translation>
    </message>
    <message>
        <location filename="../qml/WorkerExportScreen.qml" line="30"/>
        <source>Write a second copy on another stick</source>
        <translation>Escribir una segunda copia en otra memoria</translation>
    </message>
</context>
<context>
    <name>WorkerHomeScreen</name>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="7"/>
        <source>set up, not open yet</source>
        <translation>configurada, aún no abierta</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="8"/>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="9"/>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="10"/>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="12"/>
        <source>not set up</source>
        <translation>sin configurar</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="16"/>
        <source>Receipt printer</source>
        <translation>Impresora de comprobantes</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="17"/>
        <source>Card reader</source>
        <translation>Lector de tarjetas</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="18"/>
        <source>Storage</source>
        <translation>Almacenamiento</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="19"/>
        <source>Code scanner</source>
        <translation>Lector de códigos</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="20"/>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="28"/>
        <source>%1 MB free</source>
        <translation>%1 MB libres</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="32"/>
        <source>working</source>
        <translation>funciona</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="33"/>
        <source>out of paper</source>
        <translation>sin papel</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="34"/>
        <source>not connected</source>
        <translation>no conectado</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="38"/>
        <source>fault</source>
        <translation>averiado</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="45"/>
        <source>Polls: %1</source>
        <translation>Votación: %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="50"/>
        <source>Open polls</source>
        <translation>Abrir la votación</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="51"/>
        <source>Pause voting</source>
        <translation>Pausar la votación</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="52"/>
        <source>Resume voting</source>
        <translation>Reanudar la votación</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="53"/>
        <source>Close polls</source>
        <translation>Cerrar la votación</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="54"/>
        <source>Write the sealed ballot file</source>
        <translation>Escribir el archivo sellado de papeletas</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="60"/>
        <location filename="../qml/WorkerHomeScreen.qml" line="65"/>
        <source>Zero report: check that every session shows 0.</source>
        <translation>Acta de inicio: compruebe que cada sesión indica 0.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="60"/>
        <source>Printed.</source>
        <translation>Impresa.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="65"/>
        <source>Not printed: check the printer.</source>
        <translation>No impresa: revise la impresora.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="67"/>
        <source>Voting sessions (ballots cast at this booth)</source>
        <translation>Sesiones de votación (papeletas emitidas en esta cabina)</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="78"/>
        <source>ballots: %1</source>
        <translation>papeletas: %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="79"/>
        <source>Closed for good: its sealed ballots are with the hall (or on the stick).</source>
        <translation>Cerrada definitivamente: sus papeletas selladas están en la sala (o en la memoria USB).</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="80"/>
        <source>Closed for good: its sealed ballots wait for the hall; they go as soon as it answers.</source>
        <translation>Cerrada definitivamente: sus papeletas selladas esperan a la sala; se envían en cuanto responda.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="81"/>
        <source>Active: voters can vote. Tap to stop.</source>
        <translation>Activa: se puede votar. Toque para detenerla.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="81"/>
        <source>Not active. Tap to open it to voters.</source>
        <translation>Inactiva. Toque para abrirla a los votantes.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="87"/>
        <source>Close this vote for good (at every booth of the hall)</source>
        <translation>Cerrar esta votación definitivamente (en todas las cabinas de la sala)</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="92"/>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="104"/>
        <source>Clear the code-entry lock</source>
        <translation>Desbloquear la introducción de códigos</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="105"/>
        <source>Reissue a voting code</source>
        <translation>Reemitir un código de votación</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="106"/>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="107"/>
        <source>Take in an addendum</source>
        <translation>Incorporar una adenda</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="108"/>
        <source>Reprint the last receipt</source>
        <translation>Reimprimir el último comprobante</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="113"/>
        <source>The last receipt was printed again.</source>
        <translation>El último comprobante se ha vuelto a imprimir.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="114"/>
        <source>The last receipt was already reprinted once.</source>
        <translation>El último comprobante ya se reimprimió una vez.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="115"/>
        <source>No vote has been cast at this booth yet.</source>
        <translation>Todavía no se ha emitido ningún voto en esta cabina.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="116"/>
        <source>The receipt could not be printed: check the printer.</source>
        <translation>No se pudo imprimir el comprobante: revise la impresora.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="123"/>
        <source>Leave poll-worker mode</source>
        <translation>Salir del modo de mesa</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="21"/>
        <source>Hall network</source>
        <translation>Red de la sala</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="35"/>
        <source>connected to the hall</source>
        <translation>conectada a la sala</translation>
    </message>
    <message>
        <location filename="../qml/WorkerHomeScreen.qml" line="36"/>
        <source>the hall cannot be reached: voters are sent to another booth; it resumes by itself</source>
        <translation>no se puede comunicar con la sala: los votantes van a otra cabina; se reanuda sola</translation>
    </message>
</context>
<context>
    <name>WorkerPinScreen</name>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="9"/>
        <source>Poll-worker card</source>
        <translation>Tarjeta de miembro de mesa</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="10"/>
        <source>Type the card&apos;s PIN.</source>
        <translation>Escriba el PIN de la tarjeta.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="15"/>
        <source>This card is not registered for this booth.</source>
        <translation>Esta tarjeta no está registrada para esta cabina.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="16"/>
        <source>This card is blocked. Use another poll-worker card.</source>
        <translation>Esta tarjeta está bloqueada. Use otra tarjeta de miembro de mesa.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="17"/>
        <source>Wrong PIN. Tries left on this card: %1.</source>
        <translation>PIN incorrecto. Intentos restantes en esta tarjeta: %1.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="38"/>
        <source>Leave poll-worker mode</source>
        <translation>Salir del modo de mesa</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="39"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../qml/WorkerPinScreen.qml" line="44"/>
        <source>Log in</source>
        <translation>Entrar</translation>
    </message>
</context>
<context>
    <name>WorkerProblem</name>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="8"/>
        <source>The election package was refused.</source>
        <translation>El paquete electoral fue rechazado.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="9"/>
        <source>The booth refused this change.</source>
        <translation>La cabina rechazó este cambio.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="10"/>
        <source>The sealed file was not written. Try again, or use another stick.</source>
        <translation>El archivo sellado no se escribió. Inténtelo de nuevo o use otra memoria.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="11"/>
        <source>The audit log was not written. Try another stick.</source>
        <translation>El registro de auditoría no se escribió. Pruebe otra memoria.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="12"/>
        <source>The slip could not be printed: the code stays on the screen.</source>
        <translation>No se pudo imprimir el sobre: el código sigue en pantalla.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="13"/>
        <source>This card is not registered for this booth.</source>
        <translation>Esta tarjeta no está registrada para esta cabina.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="14"/>
        <source>The addendum was refused and nothing changed.</source>
        <translation>La adenda fue rechazada y nada cambió.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="21"/>
        <location filename="../qml/WorkerProblem.qml" line="47"/>
        <source>no USB stick is inserted</source>
        <translation>no hay ninguna memoria USB insertada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="22"/>
        <source>there is no election package on this stick</source>
        <translation>no hay ningún paquete electoral en esta memoria</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="23"/>
        <source>the package is not signed by its election authority, was altered, or has expired</source>
        <translation>el paquete no está firmado por su autoridad electoral, fue alterado o ha caducado</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="24"/>
        <source>there is no booth provisioning on this stick</source>
        <translation>no hay ninguna dotación de cabina en esta memoria</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="26"/>
        <source>this stick provisions &apos;%1&apos;, and this booth is &apos;%2&apos;</source>
        <translation>esta memoria dota «%1», y esta cabina es «%2»</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="27"/>
        <source>this is not the stick just checked: check it again</source>
        <translation>esta no es la memoria que se acaba de comprobar: compruébela de nuevo</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="28"/>
        <source>this booth is already set up</source>
        <translation>esta cabina ya está instalada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="29"/>
        <source>the stick cannot be read</source>
        <translation>la memoria no se puede leer</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="34"/>
        <source>the booth is not set up with an election yet</source>
        <translation>la cabina aún no está instalada con una elección</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="35"/>
        <source>polls are not open yet</source>
        <translation>la votación aún no está abierta</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="36"/>
        <source>polls are open</source>
        <translation>la votación está abierta</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="37"/>
        <source>polls are paused</source>
        <translation>la votación está en pausa</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="38"/>
        <source>polls are closed for this election</source>
        <translation>la votación está cerrada para esta elección</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="39"/>
        <source>ballots are already stored on this booth</source>
        <translation>ya hay papeletas guardadas en esta cabina</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="40"/>
        <source>sessions cannot change: polls are closed</source>
        <translation>las sesiones ya no pueden cambiar: la votación está cerrada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="41"/>
        <source>this vote is closed for good and cannot open again</source>
        <translation>esta votación está cerrada definitivamente y no puede volver a abrirse</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="43"/>
        <source>close the polls before exporting the sealed ballot file</source>
        <translation>cierre la votación antes de exportar el archivo sellado de papeletas</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="44"/>
        <source>the sealed ballot file does not verify</source>
        <translation>el archivo sellado de papeletas no se verifica</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="45"/>
        <source>the sealed ballot file could not be written</source>
        <translation>no se pudo escribir el archivo sellado de papeletas</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="46"/>
        <source>the audit log has no closing event</source>
        <translation>el registro de auditoría no contiene el cierre</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="48"/>
        <source>the stick was pulled out during the write; insert another</source>
        <translation>la memoria se retiró durante la escritura; inserte otra</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="49"/>
        <source>the stick is full; insert another</source>
        <translation>la memoria está llena; inserte otra</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="50"/>
        <source>the stick is write-protected; insert another</source>
        <translation>la memoria está protegida contra escritura; inserte otra</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="51"/>
        <source>the stick gave back other bytes than were written; insert another</source>
        <translation>la memoria devolvió otros bytes que los escritos; inserte otra</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="53"/>
        <source>there is no addendum on this stick</source>
        <translation>esta memoria no contiene ninguna adenda</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="54"/>
        <source>this is not an addendum, or it is damaged</source>
        <translation>no es una adenda, o está dañada</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="55"/>
        <source>it is not signed by this election&apos;s authority, or was altered since. Do not use this stick: call the election officials</source>
        <translation>no está firmada por la autoridad de esta elección, o fue alterada después. No use esta memoria: llame a los responsables de la elección</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="56"/>
        <source>it amends another election, or another package of this one</source>
        <translation>modifica otra elección, u otro paquete de esta</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="57"/>
        <source>this booth already took it in; the stick holds nothing new</source>
        <translation>esta cabina ya la incorporó; la memoria no trae nada nuevo</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="58"/>
        <source>an earlier addendum is missing from the stick: it must be taken in first</source>
        <translation>falta en la memoria una adenda anterior: debe incorporarse primero</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="59"/>
        <source>it does not follow the addenda this booth holds. Call the election officials</source>
        <translation>no sigue a las adendas que tiene esta cabina. Llame a los responsables de la elección</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="60"/>
        <source>its changes do not fit this election. Call the election officials</source>
        <translation>sus cambios no corresponden a esta elección. Llame a los responsables de la elección</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="61"/>
        <source>the stick no longer holds the addendum just shown: check it again</source>
        <translation>la memoria ya no contiene la adenda mostrada: verifíquela de nuevo</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="62"/>
        <source>votes were already cast at this booth in &apos;%1&apos; under its earlier weighting, and addendum %2 would count them under another. Call the election officials</source>
        <translation>ya se emitieron votos en esta cabina en «%1» con su ponderación anterior, y la adenda %2 los contaría con otra. Llame a los responsables de la elección</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="25"/>
        <source>the booth provisioning is damaged, or names a booth this election does not have</source>
        <translation>el archivo de preparación de la cabina está dañado, o nombra una cabina que esta elección no tiene</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="30"/>
        <source>this election package is signed by another authority than the one this booth trusts. Do not use this stick: call the election officials</source>
        <translation>este paquete electoral está firmado por otra autoridad que la que esta cabina reconoce. No use esta memoria: llame a los responsables de la elección</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="31"/>
        <source>this stick already set up a booth. A second booth set up from it would have its ballots refused: ask the election officials for a new stick</source>
        <translation>esta memoria ya preparó una cabina. Las papeletas de una segunda cabina preparada con ella serían rechazadas: pida una memoria nueva a los responsables de la elección</translation>
    </message>
    <message>
        <location filename="../qml/WorkerProblem.qml" line="32"/>
        <source>this card is not registered to a poll worker of this booth, or it did not sign the booth&apos;s key: insert it again, or use another</source>
        <translation>esta tarjeta no está registrada para un miembro de mesa de esta cabina, o no firmó la clave de la cabina: insértela de nuevo o use otra</translation>
    </message>
</context>
<context>
    <name>WorkerReissueScreen</name>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="11"/>
        <source>Reissue a voting code</source>
        <translation>Reemitir un código de votación</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="16"/>
        <source>New code for %1. The old code no longer works. Hidden in %2 seconds.</source>
        <translation>Nuevo código para %1. El código anterior ya no funciona. Se ocultará en %2 segundos.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="18"/>
        <source>Print it as a sealed slip instead</source>
        <translation>Imprimirlo en un sobre sellado</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="23"/>
        <source>The code was printed as a sealed slip. Give it to the voter.</source>
        <translation>El código se imprimió en un sobre sellado. Entrégueselo al votante.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="26"/>
        <source>Find the voter by name or number:</source>
        <translation>Buscar al votante por nombre o número:</translation>
    </message>
    <message>
        <location filename="../qml/WorkerReissueScreen.qml" line="43"/>
        <source>Tap to reissue this voter&apos;s code</source>
        <translation>Toque para reemitir el código de este votante</translation>
    </message>
</context>
<context>
    <name>WorkerSetupScreen</name>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="9"/>
        <source>Set up this booth</source>
        <translation>Configurar esta cabina</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="10"/>
        <source>Insert the USB stick with the election package, then check it.</source>
        <translation>Inserte la memoria USB con el paquete electoral y verifíquela.</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="11"/>
        <source>Check the USB stick</source>
        <translation>Verificar la memoria USB</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="17"/>
        <source>Election: %1</source>
        <translation>Elección: %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="18"/>
        <source>Booth: %1</source>
        <translation>Cabina: %1</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="19"/>
        <source>Compare this fingerprint with the one the election officials gave you:</source>
        <translation>Compare esta huella con la que le dieron los responsables de la elección:</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="25"/>
        <source>Leave poll-worker mode</source>
        <translation>Salir del modo de mesa</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="21"/>
        <source>Your card will certify this booth&apos;s own signing key. Choose the vote, or a rehearsal:</source>
        <translation>Su tarjeta certificará la clave de firma propia de esta cabina. Elija la votación o un ensayo:</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="22"/>
        <source>They match: set up the booth for the official vote</source>
        <translation>Coinciden: preparar la cabina para la votación oficial</translation>
    </message>
    <message>
        <location filename="../qml/WorkerSetupScreen.qml" line="23"/>
        <source>They match: set up the booth in test mode (a rehearsal, never counted)</source>
        <translation>Coinciden: preparar la cabina en modo de prueba (un ensayo, nunca se cuenta)</translation>
    </message>
</context>
</TS>
