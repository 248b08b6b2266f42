// The French translation is built into the console and used: known strings come out in French,
// plurals follow French rules, English stays the source; an unknown language falls back to English.

#include "ui/client/apierror.h"
#include "ui/client/apiclient.h"
#include "ui/client/credentialstore.h"
#include "ui/client/liveevents.h"
#include "ui/client/notificationcenter.h"
#include "ui/models/customersmodel.h"
#include "ui/models/dashboardfigures.h"
#include "ui/models/conversationlistmodel.h"
#include "ui/models/knowledgemodel.h"
#include "ui/models/ticketsmodel.h"
#include "ui/models/usersmodel.h"
#include "ui/pages/language.h"
#include "ui/pages/logindialog.h"
#include "ui/pages/navigation.h"
#include "ui/pages/conversationpanel.h"
#include "ui/pages/customerdetail.h"
#include "ui/pages/customerpanel.h"
#include "ui/pages/customerspage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/notificationbell.h"
#include "ui/widgets/traynotifier.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

using namespace joxai::ui;

class TestUiTranslation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choosesForcedThenSavedThenSystem()
    {
        QCOMPARE(Language::choose(QStringLiteral("FR"), QStringLiteral("en")), QStringLiteral("fr"));
        QCOMPARE(Language::choose(QString(), QStringLiteral("fr_CA")), QStringLiteral("fr"));
        QCOMPARE(Language::choose(QString(), QString()), QLocale::system().name().left(2));
        QVERIFY(Language::available().contains(QStringLiteral("fr")));
    }

    void frenchStringsComeOutInFrench()
    {
        Language language;
        QVERIFY(language.install(QStringLiteral("fr")));
        QCOMPARE(language.current(), QStringLiteral("fr"));
        QCOMPARE(Navigation::title(PageId::Users), QStringLiteral("Utilisateurs"));
        QCOMPARE(Navigation::title(PageId::Settings), QStringLiteral("Paramètres"));
        ApiError wrong;
        wrong.status = 401;
        wrong.code = QStringLiteral("invalid_credentials");
        QCOMPARE(wrong.message(), QStringLiteral("L’adresse e-mail ou le mot de passe est incorrect."));
        ApiError limited;
        limited.status = 429;
        limited.retryAfterSeconds = 1;
        QCOMPARE(limited.message(), QStringLiteral("Trop de tentatives. Veuillez patienter 1 seconde et réessayer."));
        limited.retryAfterSeconds = 30;
        QCOMPARE(limited.message(), QStringLiteral("Trop de tentatives. Veuillez patienter 30 secondes et réessayer."));
        QCOMPARE(UsersModel::roleName(QStringLiteral("supervisor")), QStringLiteral("Superviseur"));
        // The Conversations, Tickets and Knowledge pages.
        QCOMPARE(ConversationListModel::statusName(QStringLiteral("waiting")), QStringLiteral("Attend une personne"));
        QCOMPARE(ConversationListModel::durationText(3 * 86400), QStringLiteral("3 jours"));
        QCOMPARE(ConversationListModel::durationText(86400), QStringLiteral("1 jour"));
        QCOMPARE(TicketsModel::statusName(QStringLiteral("resolved")), QStringLiteral("Résolu"));
        QCOMPARE(KnowledgeModel::statusName(QStringLiteral("in_review")), QStringLiteral("En relecture"));
        ApiError fourEyes;
        fourEyes.status = 403;
        fourEyes.code = QStringLiteral("four_eyes");
        QVERIFY2(fourEyes.message().startsWith(QStringLiteral("Quatre yeux")), qPrintable(fourEyes.message()));

        ApiClient api;
        CredentialStore store;
        LoginDialog dialog(api, store);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Connexion à JoxAI"));
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("signInButton"))->text(), QStringLiteral("Se c&onnecter"));

        // Back to English: the source text, with English plurals.
        QVERIFY(language.install(QStringLiteral("en")));
        QCOMPARE(Navigation::title(PageId::Users), QStringLiteral("Users"));
        limited.retryAfterSeconds = 1;
        QCOMPARE(limited.message(), QStringLiteral("Too many attempts. Please wait 1 second and try again."));
        QCOMPARE(ConversationListModel::durationText(2 * 86400), QStringLiteral("2 days"));
    }

    void newPagesSpeakFrench()
    {
        Language language;
        QVERIFY(language.install(QStringLiteral("fr")));
        QCOMPARE(Navigation::title(PageId::Dashboard), QStringLiteral("Tableau de bord"));
        QCOMPARE(Navigation::title(PageId::Customers), QStringLiteral("Clients"));
        ApiClient api;
        LiveEvents live(api);

        // Dashboard: tiles, buttons, figures in French notation.
        DashboardPage dashboard(api);
        QCOMPARE(dashboard.tile(DashboardPage::EscalationRate)->caption(), QStringLiteral("Taux d’escalade"));
        QCOMPARE(dashboard.tile(DashboardPage::FirstResponse)->caption(), QStringLiteral("Première réponse"));
        QCOMPARE(dashboard.tile(DashboardPage::AiCost)->caption(), QStringLiteral("Coût de l’assistant"));
        QCOMPARE(dashboard.findChild<QPushButton *>(QStringLiteral("exportButton"))->text(), QStringLiteral("&Exporter en CSV…"));
        QCOMPARE(DashboardFigures::percent(0.125), QStringLiteral("12,5\u00a0%"));
        QCOMPARE(DashboardFigures::duration(125.0), QStringLiteral("2 min 05 s"));
        QCOMPARE(DashboardFigures::duration(std::nullopt), QStringLiteral("–"));

        // Customers: list, detail and the data-protection actions.
        CustomersPage customers(api);
        QCOMPARE(customers.findChild<QLineEdit *>(QStringLiteral("searchEdit"))->placeholderText(),
                 QStringLiteral("Nom, e-mail, téléphone ou référence bancaire (Ctrl+F)"));
        QCOMPARE(customers.model()->headerData(CustomersModel::Reference, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Référence bancaire"));
        QCOMPARE(customers.detail()->findChild<QLabel *>(QStringLiteral("customerTitle"))->text(), QStringLiteral("Aucun client ouvert"));
        QCOMPARE(customers.detail()->findChild<QPushButton *>(QStringLiteral("eraseButton"))->text(),
                 QStringLiteral("&Effacer les données personnelles…"));

        // The bell, the desktop notification and the conversation's new parts.
        NotificationCenter center(api, live);
        NotificationBell bell(center);
        QCOMPARE(bell.toolTip(), QStringLiteral("Aucune notification non lue"));
        QCOMPARE(bell.popup()->findChild<QPushButton *>(QStringLiteral("markAllReadButton"))->text(),
                 QStringLiteral("Tout marquer comme &lu"));
        TrayNotifier tray(center, nullptr);
        tray.announce({{QStringLiteral("type"), QStringLiteral("assignment")}, {QStringLiteral("title"), QStringLiteral("x")}});
        QCOMPARE(tray.lastTitle(), QStringLiteral("Nouvelle affectation pour vous"));
        ConversationPanel panel(api);
        QCOMPARE(panel.findChild<QToolButton *>(QStringLiteral("cannedButton"))->text(), QStringLiteral("/ Réponses types"));
        QCOMPARE(panel.customerPanel()->nameText(), QStringLiteral("Aucune conversation ouverte"));
        QVERIFY(language.install(QStringLiteral("en")));
    }

    void unknownLanguageFallsBackToEnglish()
    {
        Language language;
        QVERIFY(!language.install(QStringLiteral("xx")));
        QCOMPARE(language.current(), QStringLiteral("en"));
        QCOMPARE(Navigation::title(PageId::Audit), QStringLiteral("Audit"));
    }
};

QTEST_MAIN(TestUiTranslation)
#include "tst_ui_translation.moc"
