// X-Forwarded-For is believed only from configured proxies, and only back to the first hop that
// is not one: a client cannot choose its own address for rate limits and the audit log.

#include "server/config/trustedproxies.h"

#include <QtTest>

using joxai::TrustedProxies;

class TestTrustedProxies : public QObject
{
    Q_OBJECT

    static TrustedProxies proxies(const QString &list)
    {
        auto p = TrustedProxies::parse(list);
        return p ? p.value() : TrustedProxies();
    }

private Q_SLOTS:
    void parsesAddressesAndSubnets()
    {
        const TrustedProxies p = proxies(QStringLiteral(" 127.0.0.1, 10.0.0.0/8 ,::1, fd00::/8"));
        QVERIFY(p.trusts(QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(p.trusts(QHostAddress(QStringLiteral("10.200.3.4"))));
        QVERIFY(p.trusts(QHostAddress(QStringLiteral("::1"))));
        QVERIFY(p.trusts(QHostAddress(QStringLiteral("fd12::7"))));
        QVERIFY(p.trusts(QHostAddress(QStringLiteral("::ffff:10.1.1.1")))); // v4 on a dual-stack socket
        QVERIFY(!p.trusts(QHostAddress(QStringLiteral("127.0.0.2"))));
        QVERIFY(!p.trusts(QHostAddress(QStringLiteral("11.0.0.1"))));
        QVERIFY(proxies(QString()).isEmpty());
    }

    void refusesWhatIsNotAnAddress_data()
    {
        QTest::addColumn<QString>("list");
        QTest::newRow("name") << QStringLiteral("proxy.bank.example");
        QTest::newRow("bad subnet") << QStringLiteral("10.0.0.0/40");
        QTest::newRow("garbage after a good one") << QStringLiteral("127.0.0.1, 300.1.1.1");
    }
    void refusesWhatIsNotAnAddress()
    {
        QFETCH(QString, list);
        const auto parsed = TrustedProxies::parse(list);
        QVERIFY(!parsed);
        QVERIFY(!parsed.error().detail.isEmpty());
    }

    void clientOfWalksBackThroughTrustedHopsOnly_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<QString>("client");
        // Trusted: 127.0.0.1 and 10.0.0.0/8.
        QTest::newRow("no header") << "127.0.0.1" << QByteArray() << "127.0.0.1";
        QTest::newRow("one proxy") << "127.0.0.1" << QByteArray("203.0.113.7") << "203.0.113.7";
        QTest::newRow("two proxies") << "127.0.0.1" << QByteArray("198.51.100.2, 10.1.2.3") << "198.51.100.2";
        QTest::newRow("client wrote a fake hop first") << "127.0.0.1" << QByteArray("1.2.3.4, 198.51.100.2")
                                                       << "198.51.100.2";
        QTest::newRow("untrusted peer: header ignored") << "198.51.100.9" << QByteArray("1.2.3.4") << "198.51.100.9";
        QTest::newRow("unreadable hop: peer") << "127.0.0.1" << QByteArray("203.0.113.7, not-an-ip") << "127.0.0.1";
        QTest::newRow("all hops trusted: left-most") << "127.0.0.1" << QByteArray("10.0.0.5, 10.0.0.6") << "10.0.0.5";
        QTest::newRow("ipv6 client") << "127.0.0.1" << QByteArray("2001:db8::1") << "2001:db8::1";
    }
    void clientOfWalksBackThroughTrustedHopsOnly()
    {
        QFETCH(QString, peer);
        QFETCH(QByteArray, forwardedFor);
        QFETCH(QString, client);
        QCOMPARE(proxies(QStringLiteral("127.0.0.1, 10.0.0.0/8")).clientOf(peer, forwardedFor), client);
    }

    void nothingTrustedIgnoresTheHeader()
    {
        QCOMPARE(TrustedProxies().clientOf(QStringLiteral("127.0.0.1"), "203.0.113.7"), QStringLiteral("127.0.0.1"));
    }
};

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "tst_trustedproxies.moc"
