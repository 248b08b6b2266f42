<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Too many attempts. Please wait %n second and try again.</numerusform>
            <numerusform>Too many attempts. Please wait %n seconds and try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s answer holds no session token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached. Check the address, that the server is running, and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the six-digit code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time code is wrong or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password is not strong enough: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role requires two-factor sign-in. Set it up in Settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You must change your password before you can continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item no longer exists, or you may not see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this at the same time. Reload and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you sent is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Wait a few minutes or ask an administrator to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is temporarily unavailable (its database may be down). Please try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1). Please try again; if it persists, tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave an unexpected answer (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else has already taken this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the conversation over first: only its owner (or a supervisor) answers the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four eyes: you cannot approve a change you made or submitted yourself. Another supervisor or administrator must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this article meanwhile. Your text is kept: reload the article, then apply your changes again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step does not fit the article&apos;s current state. Reload it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>JoxAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s configuration is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First start: sign in as %1 with the password %2; you will then choose your own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardFigures</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerSecret</name>
    <message>
        <source>The embedded server&apos;s secret key is kept in %1, readable only by you, because the system keychain cannot be used (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::AuditModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed system settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed personal settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First administrator created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commented on ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::AuditPage</name>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Audit log&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::BubbleDelegate</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal note · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::CannedCompleter</name>
    <message>
        <source>%1  —  %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::ChangePasswordDialog</name>
    <message>
        <source>&amp;Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in with a temporary password. Choose your own password before you continue; it replaces the temporary one everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing your password signs you out on every other device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 10 characters, letters mixed with digits or symbols; not your e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in your current and your new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::Composer</name>
    <message>
        <source>&amp;Internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only staff see internal notes; the customer never does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an internal note (only staff see it)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to the customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/ Canned responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a canned response (%1), or type / and its shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::ConsoleSession</name>
    <message>
        <source>Your remembered session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in not remembered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended (it expired, or you signed out elsewhere). Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::ConversationListModel</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>With the assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent #%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::ConversationPanel</name>
    <message>
        <source>&amp;Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release to assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ssign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clos&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one from the lists, or press %1 for the next waiting customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with agent #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have taken over the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assistant has the conversation again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::ConversationsPage</name>
    <message>
        <source>Conversations: open the customer waiting longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations: take over the open conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations: send the message or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations: close the open conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer name, e-mail or conversation id (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Conversations&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations: insert a canned response (or type / and its shortcut, then Tab)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::CredentialStore</name>
    <message>
        <source>the system keychain did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain refused access: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Sign-ins are kept in memory only until the console is closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::CustomerDetail</name>
    <message>
        <source>E&amp;xport data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;rase personal data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a conversation to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Conversations&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for a customer by name, e-mail, phone or bank reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place on &amp;legal hold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data erased on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On legal hold: %1. Their data is kept and cannot be erased until the hold is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift &amp;legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export customer data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer data saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the personal data of %1? Their name, e-mail, phone and what they wrote are replaced for good; statistics and the audit log stay. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s personal data has been erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place on legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is this customer&apos;s data held (case, authority)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place on &amp;hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A legal hold needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is on legal hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The legal hold is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::CustomerPanel</name>
    <message>
        <source>Double-click to open an earlier conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Customer&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Earlier conversations&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No e-mail given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to online banking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in (identity not verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank reference: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: this is their first conversation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::CustomersModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On legal hold: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data erased on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::CustomersPage</name>
    <message>
        <source>Name, e-mail, phone or bank reference (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Customers&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>joxai::ui::DashboardCharts</name>
    <message>
        <source>Conversations and escalations per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tickets by status (%n in all)</source>
        <translation>
            <numerusform>Tickets by status (%n in all)</numerusform>
            <numerusform>Tickets by status (%n in all)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer satisfaction (no ratings yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Customer satisfaction (%n rating(s))</source>
        <translation>
            <numerusform>Customer satisfaction (%n rating)</numerusform>
            <numerusform>Customer satisfaction (%n ratings)</numerusform>
        </translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant usage (estimated cost %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::DashboardPage</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contained by the assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed conversations the assistant handled alone, without a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average time from the escalation to the first answer of a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average time from the start of a conversation to its close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Dashboard&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start of the range is after its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 escalated · %2 waiting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n handed to a person</source>
        <translation>
            <numerusform>%n handed to a person</numerusform>
            <numerusform>%n handed to a person</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n closed</source>
        <translation>
            <numerusform>of %n closed</numerusform>
            <numerusform>of %n closed</numerusform>
        </translation>
    </message>
    <message>
        <source>after an escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n rating</numerusform>
            <numerusform>%n ratings</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answers · %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::EditUserDialog</name>
    <message>
        <source>&amp;Active: may sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to JoxAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to JoxAI&lt;/h2&gt;&lt;p&gt;How will this computer be used? You can change this later with &lt;b&gt;--embedded-server&lt;/b&gt; or &lt;b&gt;--server&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a small branch: the console also runs the JoxAI server here, with its data in this computer&apos;s user folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank runs a JoxAI server; you will enter its address when you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgeEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;bmit for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arc&amp;hive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma, separated, tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article in Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? The author sees this reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No article open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New article (a draft until it is reviewed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2 · version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · last rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article saved as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted for review: another supervisor or administrator approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: the assistant uses this text from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: the article is a draft again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article archived; the assistant no longer uses it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgeModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgePage</name>
    <message>
        <source>Search articles (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Knowledge&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the assistant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgeSearchPanel</name>
    <message>
        <source>Ask as a customer would, e.g. &quot;I lost my card&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See which published articles the assistant would use to answer a question, best first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No published article matches: the assistant would say it does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in all; the assistant sees them in this order.</source>
        <translation>
            <numerusform>%n match in all; the assistant sees it like this.</numerusform>
            <numerusform>%n matches in all; the assistant sees them in this order.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>joxai::ui::KnowledgeVersionsDialog</name>
    <message>
        <source>Versions of article #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 · %2
%3 · by #%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::LoginDialog</name>
    <message>
        <source>One-time &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to JoxAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@bank.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps your session in the system keychain, never in a plain file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;JoxAI staff console&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, for example http://127.0.0.1:5000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your e-mail address and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time code is wrong or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session could not be remembered: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::MainWindow</name>
    <message>
        <source>JoxAI — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search or filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About JoxAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About JoxAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;JoxAI %1&lt;/h3&gt;&lt;p&gt;Support console for bank staff.&lt;/p&gt;&lt;p&gt;Server: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates are arriving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates are paused; nothing is lost, the console catches up when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::NewTicketDialog</name>
    <message>
        <source>New ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ticket needs a subject.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server creates a temporary password, shown once. The new user chooses their own password at the first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::NotificationBell</name>
    <message>
        <source>Mark &amp;all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n unread notification</numerusform>
            <numerusform>%n unread notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing yet. Escalations and assignments to you appear here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::SettingsPage</name>
    <message>
        <source>&amp;Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;curity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a &amp;sound for new work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console uses the new language from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing your password signs you out on every other device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from your app:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge changes need a second person&apos;s &amp;approval (four eyes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the server is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local (knowledge base only, no network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in required for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep closed conversations for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket deadlines by priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant greeting (English):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant greeting (French):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anthropic API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a new value to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save system settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in is &lt;b&gt;on&lt;/b&gt;: you enter a code from your authenticator app when you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in is &lt;b&gt;off&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role requires it: set it up now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this account to your authenticator app, then enter the code it shows.&lt;br&gt;Secret: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Link: &lt;code&gt;%2&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in is now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in is now off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search or filter on the current page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the current page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::TemporaryPasswordDialog</name>
    <message>
        <source>Temporary password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this temporary password to &lt;b&gt;%1&lt;/b&gt; in person or by phone. It is shown only now; at the first sign-in they must choose their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::TicketDetail</name>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 created the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 changed %3: %4 → %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::TicketsModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: the answer was due %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::TicketsPage</name>
    <message>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search subject and description (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Tickets&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the tickets to assign first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) assigned.</source>
        <translation>
            <numerusform>%n ticket assigned.</numerusform>
            <numerusform>%n tickets assigned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>joxai::ui::TrayNotifier</name>
    <message>
        <source>JoxAI console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer is waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::UsersModel</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (must change password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>joxai::ui::UsersPage</name>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Users&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or e-mail (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 a new temporary password? Their current password stops working and they are signed out everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
