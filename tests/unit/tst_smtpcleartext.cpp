// The start-up warning about an SMTP password sent unencrypted: only a login (a user is set) with
// JOXAI_SMTP_SECURITY=none to a host that is not this machine.

#include "server/mail/smtpsender.h"

#include <QTest>

using namespace joxai;

class TestSmtpCleartext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void warnsOnlyForALoginInClearOverTheNetwork_data()
    {
        QTest::addColumn<QString>("security");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("warns");
        QTest::newRow("plain login to a relay") << "none" << "alerts" << "mail.bank.example" << true;
        QTest::newRow("plain login to an address") << "none" << "alerts" << "10.1.2.3" << true;
        QTest::newRow("plain login to an IPv6 address") << "none" << "alerts" << "[2001:db8::25]" << true;
        QTest::newRow("plain login to this machine (IPv4)") << "none" << "alerts" << "127.0.0.1" << false;
        QTest::newRow("plain login to this machine (IPv6)") << "none" << "alerts" << "[::1]" << false;
        QTest::newRow("plain login to localhost") << "none" << "alerts" << "LocalHost" << false;
        QTest::newRow("plain relay without login") << "none" << "" << "mail.bank.example" << false;
        QTest::newRow("STARTTLS login") << "starttls" << "alerts" << "mail.bank.example" << false;
        QTest::newRow("TLS login") << "tls" << "alerts" << "mail.bank.example" << false;
    }

    void warnsOnlyForALoginInClearOverTheNetwork()
    {
        QFETCH(QString, security);
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(bool, warns);
        SmtpSettings settings;
        settings.security = security;
        settings.user = user;
        settings.password = QStringLiteral("not-logged");
        settings.host = host;
        QCOMPARE(sendsPasswordInClear(settings), warns);
    }
};

QTEST_GUILESS_MAIN(TestSmtpCleartext)
#include "tst_smtpcleartext.moc"
