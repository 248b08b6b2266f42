#include "server/assistant/escalationpolicy.h"

#include <QTest>

using namespace joxai;

Q_DECLARE_METATYPE(joxai::Intent)

class TestEscalationPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escalatesAtOnceWithReasonAndPriority_data();
    void escalatesAtOnceWithReasonAndPriority();
    void everydayIntentsDoNotEscalate();
    void stronglyNegativeMessageEscalatesWithHighPriority();
    void stronglyNegativeRaisesNormalPriorityButKeepsReason();
    void stronglyNegativeNeverLowersUrgent();
    void twoUnansweredTurnsInARowEscalate();
};

void TestEscalationPolicy::escalatesAtOnceWithReasonAndPriority_data()
{
    QTest::addColumn<Intent>("intent");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("priority");
    QTest::newRow("human") << Intent::Human << QStringLiteral("customer_request") << QStringLiteral("normal");
    QTest::newRow("card_lost") << Intent::CardLost << QStringLiteral("card_lost") << QStringLiteral("urgent");
    QTest::newRow("fraud") << Intent::Fraud << QStringLiteral("fraud") << QStringLiteral("urgent");
    QTest::newRow("dispute") << Intent::Dispute << QStringLiteral("dispute") << QStringLiteral("high");
    QTest::newRow("complaint") << Intent::Complaint << QStringLiteral("complaint") << QStringLiteral("high");
}

void TestEscalationPolicy::escalatesAtOnceWithReasonAndPriority()
{
    QFETCH(Intent, intent);
    QFETCH(QString, reason);
    QFETCH(QString, priority);
    const EscalationDecision d = EscalationPolicy::beforeReply(intent, false);
    QVERIFY(d.escalate);
    QCOMPARE(d.reason, reason);
    QCOMPARE(d.priority, priority);
}

void TestEscalationPolicy::everydayIntentsDoNotEscalate()
{
    for (const Intent intent : {Intent::None, Intent::Greeting, Intent::Thanks, Intent::Balance, Intent::Transfer,
                                Intent::Fees, Intent::Hours, Intent::AccountOpening, Intent::Loans, Intent::Login}) {
        const EscalationDecision d = EscalationPolicy::beforeReply(intent, false);
        QVERIFY2(!d.escalate, qPrintable(intentName(intent)));
        QVERIFY(d.reason.isEmpty());
        QVERIFY(d.priority.isEmpty());
    }
}

void TestEscalationPolicy::stronglyNegativeMessageEscalatesWithHighPriority()
{
    for (const Intent intent : {Intent::None, Intent::Fees, Intent::Thanks}) {
        const EscalationDecision d = EscalationPolicy::beforeReply(intent, true);
        QVERIFY(d.escalate);
        QCOMPARE(d.reason, QStringLiteral("negative_sentiment"));
        QCOMPARE(d.priority, QStringLiteral("high"));
    }
}

void TestEscalationPolicy::stronglyNegativeRaisesNormalPriorityButKeepsReason()
{
    const EscalationDecision d = EscalationPolicy::beforeReply(Intent::Human, true);
    QVERIFY(d.escalate);
    QCOMPARE(d.reason, QStringLiteral("customer_request"));
    QCOMPARE(d.priority, QStringLiteral("high"));
}

void TestEscalationPolicy::stronglyNegativeNeverLowersUrgent()
{
    const EscalationDecision card = EscalationPolicy::beforeReply(Intent::CardLost, true);
    QCOMPARE(card.reason, QStringLiteral("card_lost"));
    QCOMPARE(card.priority, QStringLiteral("urgent"));
    const EscalationDecision fraud = EscalationPolicy::beforeReply(Intent::Fraud, true);
    QCOMPARE(fraud.reason, QStringLiteral("fraud"));
    QCOMPARE(fraud.priority, QStringLiteral("urgent"));
    const EscalationDecision complaint = EscalationPolicy::beforeReply(Intent::Complaint, true);
    QCOMPARE(complaint.reason, QStringLiteral("complaint"));
    QCOMPARE(complaint.priority, QStringLiteral("high"));
}

void TestEscalationPolicy::twoUnansweredTurnsInARowEscalate()
{
    QVERIFY(!EscalationPolicy::afterReply(0).escalate);
    QVERIFY(!EscalationPolicy::afterReply(1).escalate);
    const EscalationDecision second = EscalationPolicy::afterReply(2);
    QVERIFY(second.escalate);
    QCOMPARE(second.reason, QStringLiteral("unanswered"));
    QCOMPARE(second.priority, QStringLiteral("normal"));
    QVERIFY(EscalationPolicy::afterReply(3).escalate);
    QCOMPARE(EscalationPolicy::kUnansweredLimit, 2);
}

QTEST_GUILESS_MAIN(TestEscalationPolicy)
#include "tst_escalationpolicy.moc"
