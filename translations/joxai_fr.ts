<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ApiError</name>
    <message>
        <source>The server&apos;s answer holds no session token.</source>
        <translation>La réponse du serveur ne contient aucun jeton de session.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and your network connection.</source>
        <translation>Le serveur est injoignable. Vérifiez l’adresse et votre connexion réseau.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached. Check the address, that the server is running, and your network connection.</source>
        <translation>Le serveur %1 est injoignable. Vérifiez l’adresse, que le serveur est bien démarré, et votre connexion réseau.</translation>
    </message>
    <message>
        <source>The e-mail address or the password is wrong.</source>
        <translation>L’adresse e-mail ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>Enter the six-digit code from your authenticator app.</source>
        <translation>Saisissez le code à six chiffres de votre application d’authentification.</translation>
    </message>
    <message>
        <source>The one-time code is wrong or has expired.</source>
        <translation>Le code à usage unique est incorrect ou a expiré.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>Ce compte est désactivé. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
    <message>
        <source>The new password is not strong enough: %1.</source>
        <translation>Le nouveau mot de passe n’est pas assez robuste&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Your role requires two-factor sign-in. Set it up in Settings first.</source>
        <translation>Votre rôle exige la connexion à deux facteurs. Configurez-la d’abord dans les Paramètres.</translation>
    </message>
    <message>
        <source>You must change your password before you can continue.</source>
        <translation>Vous devez changer votre mot de passe avant de continuer.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session a pris fin. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Vous n’êtes pas autorisé à effectuer cette action.</translation>
    </message>
    <message>
        <source>This item no longer exists, or you may not see it.</source>
        <translation>Cet élément n’existe plus, ou vous n’avez pas le droit de le voir.</translation>
    </message>
    <message>
        <source>Someone else changed this at the same time. Reload and try again.</source>
        <translation>Quelqu’un d’autre l’a modifié en même temps. Rechargez et réessayez.</translation>
    </message>
    <message>
        <source>What you sent is too large.</source>
        <translation>Les données envoyées sont trop volumineuses.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Wait a few minutes or ask an administrator to unlock it.</source>
        <translation>Ce compte est verrouillé après trop d’échecs de connexion. Patientez quelques minutes ou demandez à un administrateur de le déverrouiller.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Trop de tentatives. Veuillez patienter %n seconde et réessayer.</numerusform>
            <numerusform>Trop de tentatives. Veuillez patienter %n secondes et réessayer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>Trop de tentatives. Veuillez patienter un instant et réessayer.</translation>
    </message>
    <message>
        <source>The server is temporarily unavailable (its database may be down). Please try again shortly.</source>
        <translation>Le serveur est momentanément indisponible (sa base de données est peut-être arrêtée). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1). Please try again; if it persists, tell your administrator.</source>
        <translation>Le serveur a rencontré un problème (HTTP %1). Réessayez ; si cela persiste, prévenez votre administrateur.</translation>
    </message>
    <message>
        <source>The server gave an unexpected answer (HTTP %1).</source>
        <translation>Le serveur a donné une réponse inattendue (HTTP %1).</translation>
    </message>
    <message>
        <source>Someone else has already taken this conversation.</source>
        <translation>Quelqu’un d’autre a déjà pris cette conversation.</translation>
    </message>
    <message>
        <source>Take the conversation over first: only its owner (or a supervisor) answers the customer.</source>
        <translation>Prenez d’abord la conversation en charge : seul son titulaire (ou un superviseur) répond au client.</translation>
    </message>
    <message>
        <source>This conversation is closed.</source>
        <translation>Cette conversation est close.</translation>
    </message>
    <message>
        <source>Four eyes: you cannot approve a change you made or submitted yourself. Another supervisor or administrator must approve it.</source>
        <translation>Quatre yeux : vous ne pouvez pas approuver une modification que vous avez faite ou soumise vous-même. Un autre superviseur ou administrateur doit l’approuver.</translation>
    </message>
    <message>
        <source>Someone else saved this article meanwhile. Your text is kept: reload the article, then apply your changes again.</source>
        <translation>Quelqu’un d’autre a enregistré cet article entre-temps. Votre texte est conservé : rechargez l’article, puis appliquez de nouveau vos modifications.</translation>
    </message>
    <message>
        <source>This step does not fit the article&apos;s current state. Reload it and try again.</source>
        <translation>Cette étape ne correspond pas à l’état actuel de l’article. Rechargez-le et réessayez.</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>JoxAI</source>
        <translation>JoxAI</translation>
    </message>
    <message>
        <source>The server&apos;s configuration is not valid: %1</source>
        <translation>La configuration du serveur n’est pas valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server cannot start: %1</source>
        <translation>Le serveur ne peut pas démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>First start: sign in as %1 with the password %2; you will then choose your own.</source>
        <translation>Premier démarrage&#xa0;: connectez-vous en tant que %1 avec le mot de passe %2 ; vous choisirez ensuite le vôtre.</translation>
    </message>
</context>
<context>
    <name>DashboardFigures</name>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>%1&#xa0;$</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Base de connaissances</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
</context>
<context>
    <name>ServerSecret</name>
    <message>
        <source>The embedded server&apos;s secret key is kept in %1, readable only by you, because the system keychain cannot be used (%2).</source>
        <translation>La clé secrète du serveur intégré est conservée dans %1, lisible par vous seul, car le trousseau du système est inutilisable (%2).</translation>
    </message>
</context>
<context>
    <name>joxai::ui::AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation>&amp;Membre du personnel :</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Attribuer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>joxai::ui::AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Échec de connexion</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Changed password</source>
        <translation>Mot de passe changé</translation>
    </message>
    <message>
        <source>Changed system settings</source>
        <translation>Paramètres système modifiés</translation>
    </message>
    <message>
        <source>Changed personal settings</source>
        <translation>Paramètres personnels modifiés</translation>
    </message>
    <message>
        <source>Created user</source>
        <translation>Utilisateur créé</translation>
    </message>
    <message>
        <source>Changed user</source>
        <translation>Utilisateur modifié</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Mot de passe réinitialisé</translation>
    </message>
    <message>
        <source>First administrator created</source>
        <translation>Premier administrateur créé</translation>
    </message>
    <message>
        <source>Created ticket</source>
        <translation>Ticket créé</translation>
    </message>
    <message>
        <source>Changed ticket</source>
        <translation>Ticket modifié</translation>
    </message>
    <message>
        <source>Commented on ticket</source>
        <translation>Commentaire sur un ticket</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
</context>
<context>
    <name>joxai::ui::AuditPage</name>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au&#xa0;:</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Toute action</translation>
    </message>
    <message>
        <source>Any target</source>
        <translation>Toute cible</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Qui&#xa0;:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Action&#xa0;:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Cible&#xa0;:</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Audit log&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Journal d’audit&lt;/h2&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Exporter le journal d’audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Audit log saved to %1.</source>
        <translation>Journal d’audit enregistré dans %1.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Impossible d’écrire le fichier %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>joxai::ui::BubbleDelegate</name>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Agent #%1</source>
        <translation>Conseiller n° %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Internal note · %1</source>
        <translation>Note interne · %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Sources : %1</translation>
    </message>
</context>
<context>
    <name>joxai::ui::CannedCompleter</name>
    <message>
        <source>%1  —  %2</source>
        <translation>%1  —  %2</translation>
    </message>
</context>
<context>
    <name>joxai::ui::ChangePasswordDialog</name>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Changer le mot de passe</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Choisissez un nouveau mot de passe</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>You signed in with a temporary password. Choose your own password before you continue; it replaces the temporary one everywhere.</source>
        <translation>Vous vous êtes connecté avec un mot de passe temporaire. Choisissez votre propre mot de passe avant de continuer ; il remplace partout le mot de passe temporaire.</translation>
    </message>
    <message>
        <source>Changing your password signs you out on every other device.</source>
        <translation>Changer votre mot de passe vous déconnecte de tous vos autres appareils.</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>Mot de passe &amp;actuel&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Répétez le nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>At least 10 characters, letters mixed with digits or symbols; not your e-mail address.</source>
        <translation>Au moins 10 caractères, des lettres mêlées à des chiffres ou des symboles ; pas votre adresse e-mail.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Fill in your current and your new password.</source>
        <translation>Saisissez votre mot de passe actuel et le nouveau.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Les deux nouveaux mots de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::Composer</name>
    <message>
        <source>&amp;Internal note</source>
        <translation>Note &amp;interne</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Only staff see internal notes; the customer never does.</source>
        <translation>Seul le personnel voit les notes internes ; jamais le client.</translation>
    </message>
    <message>
        <source>Send (%1)</source>
        <translation>Envoyer (%1)</translation>
    </message>
    <message>
        <source>Write an internal note (only staff see it)…</source>
        <translation>Écrire une note interne (visible du personnel seulement)…</translation>
    </message>
    <message>
        <source>Write to the customer…</source>
        <translation>Écrire au client…</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Ajouter la &amp;note</translation>
    </message>
    <message>
        <source>/ Canned responses</source>
        <translation>/ Réponses types</translation>
    </message>
    <message>
        <source>Insert a canned response (%1), or type / and its shortcut</source>
        <translation>Insérer une réponse type (%1), ou taper / et son raccourci</translation>
    </message>
</context>
<context>
    <name>joxai::ui::ConsoleSession</name>
    <message>
        <source>Your remembered session has ended. Please sign in again.</source>
        <translation>Votre session mémorisée a pris fin. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Sign-in not remembered</source>
        <translation>Connexion non mémorisée</translation>
    </message>
    <message>
        <source>Your session has ended (it expired, or you signed out elsewhere). Please sign in again.</source>
        <translation>Votre session a pris fin (elle a expiré, ou vous vous êtes déconnecté ailleurs). Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>Vous êtes déconnecté.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::ConversationListModel</name>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Avec</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>With the assistant</source>
        <translation>Avec l’assistant</translation>
    </message>
    <message>
        <source>Waiting for a person</source>
        <translation>Attend une personne</translation>
    </message>
    <message>
        <source>With an agent</source>
        <translation>Avec un conseiller</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>Agent #%1</source>
        <translation>Conseiller n° %1</translation>
    </message>
</context>
<context>
    <name>joxai::ui::ConversationPanel</name>
    <message>
        <source>&amp;Take over</source>
        <translation>&amp;Prendre en charge</translation>
    </message>
    <message>
        <source>&amp;Release to assistant</source>
        <translation>&amp;Rendre à l’assistant</translation>
    </message>
    <message>
        <source>A&amp;ssign…</source>
        <translation>A&amp;ttribuer…</translation>
    </message>
    <message>
        <source>Clos&amp;e</source>
        <translation>&amp;Clore</translation>
    </message>
    <message>
        <source>The customer is typing…</source>
        <translation>Le client écrit…</translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation>Aucune conversation ouverte</translation>
    </message>
    <message>
        <source>Pick one from the lists, or press %1 for the next waiting customer.</source>
        <translation>Choisissez-en une dans les listes, ou appuyez sur %1 pour le prochain client en attente.</translation>
    </message>
    <message>
        <source>with you</source>
        <translation>avec vous</translation>
    </message>
    <message>
        <source>with agent #%1</source>
        <translation>avec le conseiller n° %1</translation>
    </message>
    <message>
        <source>identity verified</source>
        <translation>identité vérifiée</translation>
    </message>
    <message>
        <source>identity not verified</source>
        <translation>identité non vérifiée</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motif : %1</translation>
    </message>
    <message>
        <source>priority: %1</source>
        <translation>priorité : %1</translation>
    </message>
    <message>
        <source>ticket #%1</source>
        <translation>ticket n° %1</translation>
    </message>
    <message>
        <source>You have taken over the conversation.</source>
        <translation>Vous avez pris la conversation en charge.</translation>
    </message>
    <message>
        <source>The assistant has the conversation again.</source>
        <translation>L’assistant a de nouveau la conversation.</translation>
    </message>
    <message>
        <source>Conversation closed.</source>
        <translation>Conversation close.</translation>
    </message>
    <message>
        <source>Conversation assigned.</source>
        <translation>Conversation attribuée.</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Note ajoutée.</translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation>Message envoyé.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::ConversationsPage</name>
    <message>
        <source>Conversations: open the customer waiting longest</source>
        <translation>Conversations : ouvrir le client qui attend depuis le plus longtemps</translation>
    </message>
    <message>
        <source>Conversations: take over the open conversation</source>
        <translation>Conversations : prendre en charge la conversation ouverte</translation>
    </message>
    <message>
        <source>Conversations: send the message or note</source>
        <translation>Conversations : envoyer le message ou la note</translation>
    </message>
    <message>
        <source>Conversations: close the open conversation</source>
        <translation>Conversations : clore la conversation ouverte</translation>
    </message>
    <message>
        <source>Customer name, e-mail or conversation id (Ctrl+F)</source>
        <translation>Nom ou e-mail du client, ou identifiant de conversation (Ctrl+F)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Conversations&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Conversations&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closes</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>Personne n’attend.</translation>
    </message>
    <message>
        <source>Conversations: insert a canned response (or type / and its shortcut, then Tab)</source>
        <translation>Conversations&#xa0;: insérer une réponse type (ou taper / et son raccourci, puis Tab)</translation>
    </message>
</context>
<context>
    <name>joxai::ui::CredentialStore</name>
    <message>
        <source>the system keychain did not answer</source>
        <translation>le trousseau du système ne répond pas</translation>
    </message>
    <message>
        <source>The system keychain refused access: %1</source>
        <translation>Le trousseau du système a refusé l’accès&#xa0;: %1</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Sign-ins are kept in memory only until the console is closed.</source>
        <translation>Aucun trousseau système n’est disponible (%1). Les connexions sont gardées en mémoire seulement, jusqu’à la fermeture de la console.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::CustomerDetail</name>
    <message>
        <source>E&amp;xport data…</source>
        <translation>E&amp;xporter les données…</translation>
    </message>
    <message>
        <source>E&amp;rase personal data…</source>
        <translation>&amp;Effacer les données personnelles…</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Double-click a conversation to open it.</source>
        <translation>Double-cliquez sur une conversation pour l’ouvrir.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conversations&lt;/b&gt;</source>
        <translation>&lt;b&gt;Conversations&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No customer open</source>
        <translation>Aucun client ouvert</translation>
    </message>
    <message>
        <source>Search for a customer by name, e-mail, phone or bank reference.</source>
        <translation>Cherchez un client par nom, e-mail, téléphone ou référence bancaire.</translation>
    </message>
    <message>
        <source>Place on &amp;legal hold…</source>
        <translation>Placer sous &amp;conservation légale…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation>Référence bancaire</translation>
    </message>
    <message>
        <source>Customer since %1</source>
        <translation>Client depuis le %1</translation>
    </message>
    <message>
        <source>Personal data erased on %1.</source>
        <translation>Données personnelles effacées le %1.</translation>
    </message>
    <message>
        <source>On legal hold: %1. Their data is kept and cannot be erased until the hold is lifted.</source>
        <translation>Sous conservation légale&#xa0;: %1. Ses données sont conservées et ne peuvent pas être effacées tant que la mesure n’est pas levée.</translation>
    </message>
    <message>
        <source>Lift &amp;legal hold</source>
        <translation>Lever la &amp;conservation légale</translation>
    </message>
    <message>
        <source>%1 / 5</source>
        <translation>%1 / 5</translation>
    </message>
    <message>
        <source>Export customer data</source>
        <translation>Exporter les données du client</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Customer data saved to %1.</source>
        <translation>Données du client enregistrées dans %1.</translation>
    </message>
    <message>
        <source>No customer open.</source>
        <translation>Aucun client ouvert.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Impossible d’écrire le fichier %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Effacer les données personnelles</translation>
    </message>
    <message>
        <source>Erase the personal data of %1? Their name, e-mail, phone and what they wrote are replaced for good; statistics and the audit log stay. This cannot be undone.</source>
        <translation>Effacer les données personnelles de %1&#xa0;? Son nom, son e-mail, son téléphone et ce qu’il a écrit sont remplacés définitivement&#xa0;; les statistiques et le journal d’audit restent. C’est irréversible.</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>The customer&apos;s personal data has been erased.</source>
        <translation>Les données personnelles du client ont été effacées.</translation>
    </message>
    <message>
        <source>Place on legal hold</source>
        <translation>Placer sous conservation légale</translation>
    </message>
    <message>
        <source>Why is this customer&apos;s data held (case, authority)?</source>
        <translation>Pourquoi les données de ce client sont-elles conservées (affaire, autorité)&#xa0;?</translation>
    </message>
    <message>
        <source>Place on &amp;hold</source>
        <translation>&amp;Placer sous conservation</translation>
    </message>
    <message>
        <source>A legal hold needs a reason.</source>
        <translation>Une conservation légale demande un motif.</translation>
    </message>
    <message>
        <source>The customer is on legal hold.</source>
        <translation>Le client est sous conservation légale.</translation>
    </message>
    <message>
        <source>The legal hold is lifted.</source>
        <translation>La conservation légale est levée.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::CustomerPanel</name>
    <message>
        <source>Double-click to open an earlier conversation.</source>
        <translation>Double-cliquez pour ouvrir une conversation précédente.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Customer&lt;/b&gt;</source>
        <translation>&lt;b&gt;Client&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Earlier conversations&lt;/b&gt;</source>
        <translation>&lt;b&gt;Conversations précédentes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation>Aucune conversation ouverte</translation>
    </message>
    <message>
        <source>No e-mail given</source>
        <translation>Aucun e-mail indiqué</translation>
    </message>
    <message>
        <source>Writes in %1</source>
        <translation>Écrit en %1</translation>
    </message>
    <message>
        <source>Signed in to online banking</source>
        <translation>Connecté à la banque en ligne</translation>
    </message>
    <message>
        <source>Not signed in (identity not verified)</source>
        <translation>Non connecté (identité non vérifiée)</translation>
    </message>
    <message>
        <source>Bank reference: %1</source>
        <translation>Référence bancaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Téléphone&#xa0;: %1</translation>
    </message>
    <message>
        <source>On legal hold</source>
        <translation>Sous conservation légale</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>None: this is their first conversation.</source>
        <translation>Aucune&#xa0;: c’est sa première conversation.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::CustomersModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation>Référence bancaire</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Conservation légale</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>On legal hold: %1</source>
        <translation>Sous conservation légale&#xa0;: %1</translation>
    </message>
    <message>
        <source>Personal data erased on %1.</source>
        <translation>Données personnelles effacées le %1.</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Conservé</translation>
    </message>
</context>
<context>
    <name>joxai::ui::CustomersPage</name>
    <message>
        <source>Name, e-mail, phone or bank reference (Ctrl+F)</source>
        <translation>Nom, e-mail, téléphone ou référence bancaire (Ctrl+F)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Customers&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Clients&lt;/h2&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>joxai::ui::DashboardCharts</name>
    <message>
        <source>Conversations and escalations per day</source>
        <translation>Conversations et escalades par jour</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Escalades</translation>
    </message>
    <message numerus="yes">
        <source>Tickets by status (%n in all)</source>
        <translation>
            <numerusform>Tickets par état (%n au total)</numerusform>
            <numerusform>Tickets par état (%n au total)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Customer satisfaction (no ratings yet)</source>
        <translation>Satisfaction des clients (aucune note pour l’instant)</translation>
    </message>
    <message numerus="yes">
        <source>Customer satisfaction (%n rating(s))</source>
        <translation>
            <numerusform>Satisfaction des clients (%n note)</numerusform>
            <numerusform>Satisfaction des clients (%n notes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Note moyenne</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Assistant usage (estimated cost %1)</source>
        <translation>Utilisation de l’assistant (coût estimé %1)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Fallbacks</source>
        <translation>Replis</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>En cache</translation>
    </message>
</context>
<context>
    <name>joxai::ui::DashboardPage</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Période choisie</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation>Taux d’escalade</translation>
    </message>
    <message>
        <source>Contained by the assistant</source>
        <translation>Traitées par l’assistant</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Première réponse</translation>
    </message>
    <message>
        <source>Resolution time</source>
        <translation>Délai de résolution</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Assistant cost</source>
        <translation>Coût de l’assistant</translation>
    </message>
    <message>
        <source>Closed conversations the assistant handled alone, without a person.</source>
        <translation>Conversations closes que l’assistant a traitées seul, sans personne.</translation>
    </message>
    <message>
        <source>Average time from the escalation to the first answer of a person.</source>
        <translation>Temps moyen entre l’escalade et la première réponse d’une personne.</translation>
    </message>
    <message>
        <source>Average time from the start of a conversation to its close.</source>
        <translation>Temps moyen entre le début d’une conversation et sa clôture.</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Dashboard&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Tableau de bord&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>A&amp;u&#xa0;:</translation>
    </message>
    <message>
        <source>The start of the range is after its end.</source>
        <translation>Le début de la période est après sa fin.</translation>
    </message>
    <message>
        <source>%1 escalated · %2 waiting now</source>
        <translation>%1 escaladées · %2 en attente</translation>
    </message>
    <message numerus="yes">
        <source>%n handed to a person</source>
        <translation>
            <numerusform>%n confiée à une personne</numerusform>
            <numerusform>%n confiées à une personne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n closed</source>
        <translation>
            <numerusform>sur %n close</numerusform>
            <numerusform>sur %n closes</numerusform>
        </translation>
    </message>
    <message>
        <source>after an escalation</source>
        <translation>après une escalade</translation>
    </message>
    <message>
        <source>start to close</source>
        <translation>du début à la clôture</translation>
    </message>
    <message>
        <source>%1 / 5</source>
        <translation>%1 / 5</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answers · %2 tokens</source>
        <translation>%1 réponses · %2 jetons</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>Rien à exporter pour l’instant.</translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation>Exporter le tableau de bord</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Dashboard saved to %1.</source>
        <translation>Tableau de bord enregistré dans %1.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Impossible d’écrire le fichier %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>joxai::ui::EditUserDialog</name>
    <message>
        <source>&amp;Active: may sign in</source>
        <translation>&amp;Actif&#xa0;: peut se connecter</translation>
    </message>
    <message>
        <source>Change user %1</source>
        <translation>Modifier l’utilisateur %1</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Nom complet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>joxai::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to JoxAI</source>
        <translation>Bienvenue dans JoxAI</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to JoxAI&lt;/h2&gt;&lt;p&gt;How will this computer be used? You can change this later with &lt;b&gt;--embedded-server&lt;/b&gt; or &lt;b&gt;--server&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bienvenue dans JoxAI&lt;/h2&gt;&lt;p&gt;Comment cet ordinateur sera-t-il utilisé&#xa0;? Vous pourrez changer ce choix plus tard avec &lt;b&gt;--embedded-server&lt;/b&gt; ou &lt;b&gt;--server&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This computer is the server</source>
        <translation>Cet ordinateur est le serveur</translation>
    </message>
    <message>
        <source>For a small branch: the console also runs the JoxAI server here, with its data in this computer&apos;s user folder.</source>
        <translation>Pour une petite agence&#xa0;: la console fait aussi tourner le serveur JoxAI ici, avec ses données dans le dossier utilisateur de cet ordinateur.</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <source>The bank runs a JoxAI server; you will enter its address when you sign in.</source>
        <translation>La banque exploite un serveur JoxAI ; vous saisirez son adresse à la connexion.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgeEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Su&amp;bmit for review</source>
        <translation>Sou&amp;mettre à relecture</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>A&amp;pprouver</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Refuser…</translation>
    </message>
    <message>
        <source>Arc&amp;hive</source>
        <translation>Arc&amp;hiver</translation>
    </message>
    <message>
        <source>&amp;Versions…</source>
        <translation>&amp;Versions…</translation>
    </message>
    <message>
        <source>comma, separated, tags</source>
        <translation>mots-clés, séparés, par des virgules</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>The article in Markdown…</source>
        <translation>L’article en Markdown…</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Lan&amp;gue :</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie :</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>&amp;Mots-clés :</translation>
    </message>
    <message>
        <source>Reject the change</source>
        <translation>Refuser la modification</translation>
    </message>
    <message>
        <source>Why? The author sees this reason.</source>
        <translation>Pourquoi ? L’auteur verra ce motif.</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>Aucun article ouvert</translation>
    </message>
    <message>
        <source>New article (a draft until it is reviewed)</source>
        <translation>Nouvel article (brouillon jusqu’à sa relecture)</translation>
    </message>
    <message>
        <source>#%1 · %2 · version %3</source>
        <translation>N° %1 · %2 · version %3</translation>
    </message>
    <message>
        <source> · last rejected: %1</source>
        <translation> · dernier refus : %1</translation>
    </message>
    <message>
        <source>Article saved as a draft.</source>
        <translation>Article enregistré comme brouillon.</translation>
    </message>
    <message>
        <source>Submitted for review: another supervisor or administrator approves it.</source>
        <translation>Soumis à relecture : un autre superviseur ou administrateur l’approuve.</translation>
    </message>
    <message>
        <source>Approved: the assistant uses this text from now on.</source>
        <translation>Approuvé : l’assistant utilise désormais ce texte.</translation>
    </message>
    <message>
        <source>Rejected: the article is a draft again.</source>
        <translation>Refusé : l’article redevient un brouillon.</translation>
    </message>
    <message>
        <source>Article archived; the assistant no longer uses it.</source>
        <translation>Article archivé ; l’assistant ne l’utilise plus.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgeModel</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En relecture</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgePage</name>
    <message>
        <source>Search articles (Ctrl+F)</source>
        <translation>Rechercher des articles (Ctrl+F)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Toute langue</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>&amp;New article</source>
        <translation>&amp;Nouvel article</translation>
    </message>
    <message>
        <source>Review &amp;queue</source>
        <translation>&amp;File de relecture</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Knowledge&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Connaissances&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Ask the assistant</source>
        <translation>Demander à l’assistant</translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgeSearchPanel</name>
    <message>
        <source>Ask as a customer would, e.g. &quot;I lost my card&quot;</source>
        <translation>Demandez comme le ferait un client, p. ex. « J’ai perdu ma carte »</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <source>As&amp;k</source>
        <translation>De&amp;mander</translation>
    </message>
    <message>
        <source>See which published articles the assistant would use to answer a question, best first.</source>
        <translation>Voyez quels articles publiés l’assistant utiliserait pour répondre à une question, le meilleur en premier.</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>No published article matches: the assistant would say it does not know.</source>
        <translation>Aucun article publié ne correspond : l’assistant dirait qu’il ne sait pas.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in all; the assistant sees them in this order.</source>
        <translation>
            <numerusform>%n résultat en tout ; l’assistant le voit ainsi.</numerusform>
            <numerusform>%n résultats en tout ; l’assistant les voit dans cet ordre.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgeVersionsDialog</name>
    <message>
        <source>Versions of article #%1</source>
        <translation>Versions de l’article n° %1</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Version %1 · %2
%3 · by #%4</source>
        <translation>Version %1 · %2
%3 · par n° %4</translation>
    </message>
</context>
<context>
    <name>joxai::ui::LoginDialog</name>
    <message>
        <source>One-time &amp;code:</source>
        <translation>&amp;Code à usage unique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>Se &amp;souvenir de moi sur cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se c&amp;onnecter</translation>
    </message>
    <message>
        <source>Sign in to JoxAI</source>
        <translation>Connexion à JoxAI</translation>
    </message>
    <message>
        <source>name@bank.example</source>
        <translation>nom@banque.exemple</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>6 chiffres de votre application d’authentification</translation>
    </message>
    <message>
        <source>Keeps your session in the system keychain, never in a plain file.</source>
        <translation>Conserve votre session dans le trousseau du système, jamais dans un simple fichier.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;JoxAI staff console&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Console JoxAI du personnel&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>This computer is the server.</source>
        <translation>Cet ordinateur est le serveur.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, for example http://127.0.0.1:5000.</source>
        <translation>Saisissez l’adresse du serveur, par exemple http://127.0.0.1:5000.</translation>
    </message>
    <message>
        <source>Enter your e-mail address and password.</source>
        <translation>Saisissez votre adresse e-mail et votre mot de passe.</translation>
    </message>
    <message>
        <source>The one-time code is wrong or has expired.</source>
        <translation>Le code à usage unique est incorrect ou a expiré.</translation>
    </message>
    <message>
        <source>Your session could not be remembered: %1</source>
        <translation>Votre session n’a pas pu être mémorisée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>joxai::ui::MainWindow</name>
    <message>
        <source>JoxAI — %1</source>
        <translation>JoxAI — %1</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Search or filter</source>
        <translation>&amp;Rechercher ou filtrer</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>&amp;Changer le mot de passe…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>&amp;About JoxAI</source>
        <translation>À &amp;propos de JoxAI</translation>
    </message>
    <message>
        <source>About JoxAI</source>
        <translation>À propos de JoxAI</translation>
    </message>
    <message>
        <source>&lt;h3&gt;JoxAI %1&lt;/h3&gt;&lt;p&gt;Support console for bank staff.&lt;/p&gt;&lt;p&gt;Server: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;JoxAI %1&lt;/h3&gt;&lt;p&gt;Console d’assistance pour le personnel de la banque.&lt;/p&gt;&lt;p&gt;Serveur&#xa0;: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Connecté</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Connexion…</translation>
    </message>
    <message>
        <source>● Reconnecting…</source>
        <translation>● Reconnexion…</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Hors ligne</translation>
    </message>
    <message>
        <source>Live updates are arriving.</source>
        <translation>Les mises à jour en direct arrivent.</translation>
    </message>
    <message>
        <source>Live updates are paused; nothing is lost, the console catches up when the connection is back.</source>
        <translation>Les mises à jour en direct sont suspendues ; rien n’est perdu, la console rattrape son retard au retour de la connexion.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::NewTicketDialog</name>
    <message>
        <source>New ticket</source>
        <translation>Nouveau ticket</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorité :</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie :</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>A ticket needs a subject.</source>
        <translation>Un ticket doit avoir un objet.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Nom complet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>The server creates a temporary password, shown once. The new user chooses their own password at the first sign-in.</source>
        <translation>Le serveur crée un mot de passe temporaire, affiché une seule fois. Le nouvel utilisateur choisit son propre mot de passe à la première connexion.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>joxai::ui::NotificationBell</name>
    <message>
        <source>Mark &amp;all read</source>
        <translation>Tout marquer comme &amp;lu</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n notification non lue</numerusform>
            <numerusform>%n notifications non lues</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation>Aucune notification non lue</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Nothing yet. Escalations and assignments to you appear here.</source>
        <translation>Rien pour l’instant. Les escalades et ce qui vous est confié apparaissent ici.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::SettingsPage</name>
    <message>
        <source>&amp;Personal</source>
        <translation>&amp;Personnel</translation>
    </message>
    <message>
        <source>Se&amp;curity</source>
        <translation>&amp;Sécurité</translation>
    </message>
    <message>
        <source>S&amp;ystem</source>
        <translation>S&amp;ystème</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Paramètres&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Afficher les &amp;notifications de bureau</translation>
    </message>
    <message>
        <source>Play a &amp;sound for new work</source>
        <translation>Jouer un &amp;son pour un nouveau travail</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>The console uses the new language from its next start.</source>
        <translation>La console utilisera la nouvelle langue à son prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>C&amp;hange password…</source>
        <translation>C&amp;hanger le mot de passe…</translation>
    </message>
    <message>
        <source>Changing your password signs you out on every other device.</source>
        <translation>Changer votre mot de passe vous déconnecte de tous vos autres appareils.</translation>
    </message>
    <message>
        <source>Two-factor sign-in</source>
        <translation>Connexion à deux facteurs</translation>
    </message>
    <message>
        <source>Set &amp;up…</source>
        <translation>&amp;Configurer…</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>Code à 6 chiffres</translation>
    </message>
    <message>
        <source>Turn &amp;on</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>Code from your app:</source>
        <translation>Code de votre application&#xa0;:</translation>
    </message>
    <message>
        <source>Knowledge changes need a second person&apos;s &amp;approval (four eyes)</source>
        <translation>Les modifications de la base de connaissances exigent l’&amp;approbation d’une seconde personne (quatre yeux)</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Supervisors</source>
        <translation>Superviseurs</translation>
    </message>
    <message>
        <source>Administrators</source>
        <translation>Administrateurs</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>As the server is configured</source>
        <translation>Selon la configuration du serveur</translation>
    </message>
    <message>
        <source>Local (knowledge base only, no network)</source>
        <translation>Local (base de connaissances seule, sans réseau)</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>Compatible OpenAI</translation>
    </message>
    <message>
        <source>Two-factor sign-in required for:</source>
        <translation>Connexion à deux facteurs exigée pour&#xa0;:</translation>
    </message>
    <message>
        <source>Keep closed conversations for:</source>
        <translation>Conserver les conversations closes pendant&#xa0;:</translation>
    </message>
    <message>
        <source>Ticket deadlines by priority:</source>
        <translation>Délais des tickets par priorité&#xa0;:</translation>
    </message>
    <message>
        <source>Assistant greeting (English):</source>
        <translation>Accueil de l’assistant (anglais)&#xa0;:</translation>
    </message>
    <message>
        <source>Assistant greeting (French):</source>
        <translation>Accueil de l’assistant (français)&#xa0;:</translation>
    </message>
    <message>
        <source>Business hours:</source>
        <translation>Heures d’ouverture&#xa0;:</translation>
    </message>
    <message>
        <source>AI provider:</source>
        <translation>Fournisseur d’IA&#xa0;:</translation>
    </message>
    <message>
        <source>Anthropic API key:</source>
        <translation>Clé d’API Anthropic&#xa0;:</translation>
    </message>
    <message>
        <source>OpenAI API key:</source>
        <translation>Clé d’API OpenAI&#xa0;:</translation>
    </message>
    <message>
        <source>SMTP password:</source>
        <translation>Mot de passe SMTP&#xa0;:</translation>
    </message>
    <message>
        <source>Type a new value to replace it</source>
        <translation>Saisissez une nouvelle valeur pour la remplacer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>&amp;Save system settings</source>
        <translation>&amp;Enregistrer les paramètres système</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Définie</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non définie</translation>
    </message>
    <message>
        <source>Two-factor sign-in is &lt;b&gt;on&lt;/b&gt;: you enter a code from your authenticator app when you sign in.</source>
        <translation>La connexion à deux facteurs est &lt;b&gt;activée&lt;/b&gt;&#xa0;: vous saisissez un code de votre application d’authentification à chaque connexion.</translation>
    </message>
    <message>
        <source>Two-factor sign-in is &lt;b&gt;off&lt;/b&gt;.</source>
        <translation>La connexion à deux facteurs est &lt;b&gt;désactivée&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Your role requires it: set it up now.</source>
        <translation>Votre rôle l’exige&#xa0;: configurez-la maintenant.</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>Rien n’a changé.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>System settings saved.</source>
        <translation>Paramètres système enregistrés.</translation>
    </message>
    <message>
        <source>Add this account to your authenticator app, then enter the code it shows.&lt;br&gt;Secret: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Link: &lt;code&gt;%2&lt;/code&gt;</source>
        <translation>Ajoutez ce compte à votre application d’authentification, puis saisissez le code qu’elle affiche.&lt;br&gt;Secret&#xa0;: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Lien&#xa0;: &lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Two-factor sign-in is now on.</source>
        <translation>La connexion à deux facteurs est maintenant activée.</translation>
    </message>
    <message>
        <source>Two-factor sign-in is now off.</source>
        <translation>La connexion à deux facteurs est maintenant désactivée.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Aller à %1</translation>
    </message>
    <message>
        <source>Search or filter on the current page</source>
        <translation>Rechercher ou filtrer dans la page affichée</translation>
    </message>
    <message>
        <source>Refresh the current page</source>
        <translation>Actualiser la page affichée</translation>
    </message>
    <message>
        <source>Show this list</source>
        <translation>Afficher cette liste</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>joxai::ui::TemporaryPasswordDialog</name>
    <message>
        <source>Temporary password</source>
        <translation>Mot de passe temporaire</translation>
    </message>
    <message>
        <source>Give this temporary password to &lt;b&gt;%1&lt;/b&gt; in person or by phone. It is shown only now; at the first sign-in they must choose their own.</source>
        <translation>Transmettez ce mot de passe temporaire à &lt;b&gt;%1&lt;/b&gt; en personne ou par téléphone. Il n’est affiché que maintenant ; à la première connexion, il faudra en choisir un propre.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Terminé</translation>
    </message>
</context>
<context>
    <name>joxai::ui::TicketDetail</name>
    <message>
        <source>Change…</source>
        <translation>Changer…</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Enregistrer les modifications</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>Add &amp;comment</source>
        <translation>Ajouter un &amp;commentaire</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>Écrire un commentaire…</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>O&amp;bjet :</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatut :</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorité :</translation>
    </message>
    <message>
        <source>Assigned to:</source>
        <translation>Attribué à :</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>No ticket open</source>
        <translation>Aucun ticket ouvert</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>N° %1 %2</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>créé le %1</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>en retard depuis le %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>échéance le %1</translation>
    </message>
    <message>
        <source>category: %1</source>
        <translation>catégorie : %1</translation>
    </message>
    <message>
        <source>from a conversation</source>
        <translation>issu d’une conversation</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>Agent #%1</source>
        <translation>Conseiller n° %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · internal</source>
        <translation>%1 · interne</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>%1 · %2 created the ticket</source>
        <translation>%1 · %2 a créé le ticket</translation>
    </message>
    <message>
        <source>%1 · %2 changed %3: %4 → %5</source>
        <translation>%1 · %2 a modifié %3 : %4 → %5</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>Rien à enregistrer.</translation>
    </message>
    <message>
        <source>Ticket saved.</source>
        <translation>Ticket enregistré.</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>Commentaire ajouté.</translation>
    </message>
</context>
<context>
    <name>joxai::ui::TicketsModel</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>Overdue: the answer was due %1.</source>
        <translation>En retard : la réponse était due le %1.</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>Agent #%1</source>
        <translation>Conseiller n° %1</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (en retard)</translation>
    </message>
</context>
<context>
    <name>joxai::ui::TicketsPage</name>
    <message>
        <source>&amp;Overdue only</source>
        <translation>En &amp;retard seulement</translation>
    </message>
    <message>
        <source>&amp;Assign selected…</source>
        <translation>&amp;Attribuer la sélection…</translation>
    </message>
    <message>
        <source>Search subject and description (Ctrl+F)</source>
        <translation>Rechercher dans l’objet et la description (Ctrl+F)</translation>
    </message>
    <message>
        <source>Open or pending</source>
        <translation>Ouverts ou en attente</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Toute priorité</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>N’importe qui</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>&amp;New ticket…</source>
        <translation>&amp;Nouveau ticket…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Tickets&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Tickets&lt;/h2&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket #%1 created.</source>
        <translation>Ticket n° %1 créé.</translation>
    </message>
    <message>
        <source>Select the tickets to assign first.</source>
        <translation>Sélectionnez d’abord les tickets à attribuer.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) assigned.</source>
        <translation>
            <numerusform>%n ticket attribué.</numerusform>
            <numerusform>%n tickets attribués.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>joxai::ui::TrayNotifier</name>
    <message>
        <source>JoxAI console</source>
        <translation>Console JoxAI</translation>
    </message>
    <message>
        <source>A customer is waiting: %1</source>
        <translation>Un client attend&#xa0;: %1</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation>Nouvelle affectation pour vous</translation>
    </message>
</context>
<context>
    <name>joxai::ui::UsersModel</name>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation>Deux facteurs</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Active (must change password)</source>
        <translation>Actif (doit changer son mot de passe)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activée</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
</context>
<context>
    <name>joxai::ui::UsersPage</name>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Users&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Utilisateurs&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Nouvel utilisateur…</translation>
    </message>
    <message>
        <source>Search by name or e-mail (Ctrl+F)</source>
        <translation>Rechercher par nom ou e-mail (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n utilisateur</numerusform>
            <numerusform>%n utilisateurs</numerusform>
        </translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-mail&#xa0;: %1</translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation>Utilisateur %1 créé.</translation>
    </message>
    <message>
        <source>User %1 changed.</source>
        <translation>Utilisateur %1 modifié.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>Give %1 a new temporary password? Their current password stops working and they are signed out everywhere.</source>
        <translation>Donner un nouveau mot de passe temporaire à %1&#xa0;? Son mot de passe actuel cesse de fonctionner et la personne est déconnectée partout.</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
</TS>
