// Configuration: sources and their order, validation with one clear line, secret handling.

#include "server/config/configloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace joxai;

class TestConfigLoader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QProcessEnvironment env(std::initializer_list<std::pair<const char *, QString>> values)
    {
        QProcessEnvironment e;
        e.insert(QStringLiteral("JOXAI_DATA_DIR"), m_dir.path());
        for (const auto &[k, v] : values)
            e.insert(QLatin1String(k), v);
        return e;
    }

private Q_SLOTS:
    void defaultsAreTheEmbeddedSetup()
    {
        auto c = ConfigLoader::load(env({}), {});
        QVERIFY(c.ok());
        QCOMPARE(c->port, 5000);
        QCOMPARE(c->bindAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(c->aiProvider, QStringLiteral("local"));
        QCOMPARE(c->accessTokenExpireHours, 12);
        QVERIFY(!c->database.isPostgres());
        QCOMPARE(c->database.sqlitePath, m_dir.path() + QStringLiteral("/joxai.db"));
    }

    void laterSourcesWin()
    {
        QFile conf(m_dir.filePath(QStringLiteral("joxai.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("# comment\nJOXAI_PORT=6000\nLOG_LEVEL=\"debug\"\nexport ACCESS_TOKEN_EXPIRE_HOURS=3\n");
        conf.close();
        auto fromFile = ConfigLoader::load(env({}), {});
        QVERIFY(fromFile.ok());
        QCOMPARE(fromFile->port, 6000);
        QCOMPARE(fromFile->logLevel, QStringLiteral("debug"));
        QCOMPARE(fromFile->accessTokenExpireHours, 3);
        auto fromEnv = ConfigLoader::load(env({{"JOXAI_PORT", QStringLiteral("7000")}}), {});
        QCOMPARE(fromEnv->port, 7000);
        auto fromCli = ConfigLoader::load(env({{"JOXAI_PORT", QStringLiteral("7000")}}),
                                          {{QStringLiteral("JOXAI_PORT"), QStringLiteral("8000")}});
        QCOMPARE(fromCli->port, 8000);
        QFile::remove(conf.fileName());
    }

    void badValuesNameTheSetting_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("port too big") << "JOXAI_PORT" << "99999";
        QTest::newRow("port text") << "JOXAI_PORT" << "http";
        QTest::newRow("unknown provider") << "AI_PROVIDER" << "skynet";
        QTest::newRow("malformed url") << "DATABASE_URL" << "mysql://x@y/z";
        QTest::newRow("url without database") << "DATABASE_URL" << "postgresql://user@host:5432/";
        QTest::newRow("short secret") << "SECRET_KEY" << "too-short";
        QTest::newRow("bad log level") << "LOG_LEVEL" << "loud";
        QTest::newRow("bad bind") << "JOXAI_BIND" << "localhost:80";
        QTest::newRow("bad cors") << "CORS_ORIGINS" << "not an origin";
        QTest::newRow("expiry zero") << "ACCESS_TOKEN_EXPIRE_HOURS" << "0";
        QTest::newRow("ai time-out zero") << "JOXAI_AI_TIMEOUT_SECONDS" << "0";
        QTest::newRow("ai retries negative") << "JOXAI_AI_MAX_RETRIES" << "-1";
        QTest::newRow("ai stream not a flag") << "JOXAI_AI_STREAM" << "maybe";
        QTest::newRow("ai max tokens tiny") << "JOXAI_AI_MAX_TOKENS" << "1";
        QTest::newRow("smtp ca file missing") << "SMTP_CA_FILE" << "/nonexistent/joxai-smtp-ca.pem";
    }

    void badValuesNameTheSetting()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QProcessEnvironment e = env({});
        e.insert(name, value);
        auto c = ConfigLoader::load(e, {});
        QVERIFY(!c.ok());
        QVERIFY2(c.error().detail.startsWith(name), qPrintable(c.error().detail));
        QVERIFY(!c.error().detail.contains(QLatin1Char('\n')));
        if (name == QLatin1String("SECRET_KEY"))
            QVERIFY(!c.error().detail.contains(value)); // secrets are never echoed
    }

    void smtpCaFileIsTakenWhenReadable()
    {
        const QString ca = m_dir.filePath(QStringLiteral("smtp-ca.pem"));
        QFile f(ca);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("-----BEGIN CERTIFICATE-----\n");
        f.close();
        auto c = ConfigLoader::load(env({{"SMTP_CA_FILE", ca}}), {});
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().detail));
        QCOMPARE(c->smtpCaFile, ca);
        auto none = ConfigLoader::load(env({}), {});
        QVERIFY(none.ok());
        QVERIFY(none->smtpCaFile.isEmpty()); // the system's trust store
        auto folder = ConfigLoader::load(env({{"SMTP_CA_FILE", m_dir.path()}}), {});
        QVERIFY(!folder.ok());
        QVERIFY2(folder.error().detail.startsWith(QStringLiteral("SMTP_CA_FILE")), qPrintable(folder.error().detail));
        QFile::remove(ca);
    }

    void postgresUrlsAreParsed()
    {
        for (const QString &scheme : {QStringLiteral("postgresql"), QStringLiteral("postgres")}) {
            auto t = ConfigLoader::parseDatabaseUrl(scheme + QStringLiteral("://joxai:p%40ss@db.bank:6543/support?sslmode=require"),
                                                    m_dir.path());
            QVERIFY(t.ok());
            QVERIFY(t->isPostgres());
            QCOMPARE(t->host, QStringLiteral("db.bank"));
            QCOMPARE(t->port, 6543);
            QCOMPARE(t->user, QStringLiteral("joxai"));
            QCOMPARE(t->password, QStringLiteral("p@ss"));
            QCOMPARE(t->name, QStringLiteral("support"));
            QCOMPARE(t->options, QStringLiteral("sslmode=require"));
        }
        QVERIFY(!ConfigLoader::parseDatabaseUrl(QStringLiteral("postgresql://h/db?evil=1"), m_dir.path()).ok());
        auto sqlite = ConfigLoader::parseDatabaseUrl(QStringLiteral("sqlite:///var/lib/joxai/x.db"), m_dir.path());
        QCOMPARE(sqlite->sqlitePath, QStringLiteral("/var/lib/joxai/x.db"));
    }

    void providerFollowsTheKeyThatIsSet()
    {
        auto c = ConfigLoader::load(env({{"OPENAI_API_KEY", QStringLiteral("sk-x")}}), {});
        QCOMPARE(c->aiProvider, QStringLiteral("openai"));
        auto needsKey = ConfigLoader::load(env({{"AI_PROVIDER", QStringLiteral("anthropic")}}), {});
        QVERIFY(!needsKey.ok());
        QVERIFY(needsKey.error().detail.contains(QStringLiteral("ANTHROPIC_API_KEY")));
    }

    void explicitProviderWinsOverTheKeys()
    {
        auto c = ConfigLoader::load(env({{"AI_PROVIDER", QStringLiteral("local")},
                                         {"ANTHROPIC_API_KEY", QStringLiteral("sk-ant-x")}}),
                                    {});
        QVERIFY(c.ok());
        QCOMPARE(c->aiProvider, QStringLiteral("local"));
        auto both = ConfigLoader::load(env({{"ANTHROPIC_API_KEY", QStringLiteral("sk-ant-x")},
                                            {"OPENAI_API_KEY", QStringLiteral("sk-x")}}),
                                       {});
        QCOMPARE(both->aiProvider, QStringLiteral("anthropic"));
        // An empty AI_PROVIDER is "not set": the key still chooses.
        auto empty = ConfigLoader::load(env({{"AI_PROVIDER", QString()},
                                             {"OPENAI_API_KEY", QStringLiteral("sk-x")}}),
                                        {});
        QCOMPARE(empty->aiProvider, QStringLiteral("openai"));
    }

    void providerRuleAppliesToAnUnloadedConfig()
    {
        Config c;
        QCOMPARE(ConfigLoader::chooseAiProvider(c), QStringLiteral("local"));
        c.openaiApiKey = QStringLiteral("sk-x");
        QCOMPARE(ConfigLoader::chooseAiProvider(c), QStringLiteral("openai"));
        c.anthropicApiKey = QStringLiteral("sk-ant-x");
        QCOMPARE(ConfigLoader::chooseAiProvider(c), QStringLiteral("anthropic"));
        c.aiProvider = QStringLiteral("local");
        QCOMPARE(ConfigLoader::chooseAiProvider(c), QStringLiteral("local"));
    }

    void assistantSettingsHaveDefaultsAndAreRead()
    {
        auto d = ConfigLoader::load(env({}), {});
        QCOMPARE(d->aiTimeoutSeconds, 20);
        QCOMPARE(d->aiMaxRetries, 2);
        QCOMPARE(d->aiStream, true);
        QCOMPARE(d->aiMaxTokens, 400);
        auto c = ConfigLoader::load(env({{"JOXAI_AI_TIMEOUT_SECONDS", QStringLiteral("5")},
                                         {"JOXAI_AI_MAX_RETRIES", QStringLiteral("0")},
                                         {"JOXAI_AI_STREAM", QStringLiteral("off")},
                                         {"JOXAI_AI_MAX_TOKENS", QStringLiteral("800")}}),
                                    {});
        QVERIFY(c.ok());
        QCOMPARE(c->aiTimeoutSeconds, 5);
        QCOMPARE(c->aiMaxRetries, 0);
        QCOMPARE(c->aiStream, false);
        QCOMPARE(c->aiMaxTokens, 800);
        QVERIFY(ConfigLoader::describe(c.value()).contains(QStringLiteral("JOXAI_AI_STREAM=off")));
    }

    void productionRequiresASecretKey()
    {
        auto c = ConfigLoader::load(env({{"JOXAI_ENV", QStringLiteral("production")}}), {});
        QVERIFY(!c.ok());
        QVERIFY(c.error().detail.startsWith(QStringLiteral("SECRET_KEY")));
    }

    void embeddedSecretIsGeneratedOnceWithMode0600()
    {
        QTemporaryDir dir;
        QProcessEnvironment e;
        e.insert(QStringLiteral("JOXAI_DATA_DIR"), dir.filePath(QStringLiteral("data")));
        auto first = ConfigLoader::load(e, {});
        QVERIFY(first.ok());
        Config c1 = first.value();
        QVERIFY(ConfigLoader::prepareDataDir(c1).ok());
        QVERIFY(c1.secretKey.size() >= 32);
        QVERIFY(c1.secretKeyGenerated);
        const QString keyFile = dir.filePath(QStringLiteral("data/secret_key"));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(keyFile).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        Config c2 = ConfigLoader::load(e, {}).value();
        QVERIFY(ConfigLoader::prepareDataDir(c2).ok());
        QCOMPARE(c2.secretKey, c1.secretKey); // kept, not regenerated
    }

    void describeMasksSecrets()
    {
        auto c = ConfigLoader::load(env({{"SECRET_KEY", QStringLiteral("k").repeated(40)},
                                         {"SMTP_PASSWORD", QStringLiteral("smtp-pass-123")},
                                         {"DATABASE_URL", QStringLiteral("postgresql://u:dbpass@h/db")}}),
                                    {});
        QVERIFY(c.ok());
        const QString text = ConfigLoader::describe(c.value()).join(QLatin1Char('\n'));
        QVERIFY(!text.contains(QStringLiteral("kkkkkkkk")));
        QVERIFY(!text.contains(QStringLiteral("smtp-pass-123")));
        QVERIFY(!text.contains(QStringLiteral("dbpass")));
        QVERIFY(text.contains(QStringLiteral("SMTP_PASSWORD=****** (set)")));
        QVERIFY(text.contains(QStringLiteral("JOXAI_PORT=5000")));
    }

    void unknownSettingInConfFileIsRefused()
    {
        QTemporaryDir dir;
        QFile conf(dir.filePath(QStringLiteral("x.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("JOXAI_PROT=5000\n");
        conf.close();
        auto c = ConfigLoader::load(env({}), {{QStringLiteral("JOXAI_CONFIG"), conf.fileName()}});
        QVERIFY(!c.ok());
        QVERIFY(c.error().detail.contains(QStringLiteral("JOXAI_PROT")));
    }
};

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
