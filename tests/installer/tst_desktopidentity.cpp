// The console's desktop identity (app/console/desktopidentity.cpp): its window icon has every
// size the joxai package installs, drawn (not scaled), and its desktop file name is the id under
// which installer/desktop/ ships the desktop entry and the AppStream metainfo.

#include "app/console/desktopidentity.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QRegularExpression>
#include <QTest>

using namespace joxai;

class TestDesktopIdentity final : public QObject
{
    Q_OBJECT

private:
    static QString sourceFile(const QString &relative)
    {
        return qEnvironmentVariable("JOXAI_SOURCE_DIR") + QLatin1Char('/') + relative;
    }

private Q_SLOTS:
    void windowIconHasEveryInstalledSize()
    {
        console::setDesktopIdentity();
        const QIcon icon = QApplication::windowIcon();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        for (const int size : { 16, 24, 32, 48, 64, 128, 256 }) {
            QVERIFY2(
                sizes.contains(QSize(size, size)), qPrintable(QStringLiteral("no %1 px icon").arg(size)));
            // The rendered PNG itself: the right size, and not blank (the tile is opaque at the centre).
            const QImage image(QStringLiteral(":/icons/%1/com.joxai.Console.png").arg(size));
            QCOMPARE(image.size(), QSize(size, size));
            QCOMPARE(qAlpha(image.pixel(size / 2, size - 1 - size / 8)), 255);
            QVERIFY(qAlpha(image.pixel(0, 0)) < 255); // rounded corner: transparent
        }
    }

    void desktopFileNameIsTheShippedId()
    {
        console::setDesktopIdentity();
        const QString id = QGuiApplication::desktopFileName();
        QCOMPARE(id, QStringLiteral("com.joxai.Console"));

        QFile desktop(sourceFile(QStringLiteral("installer/desktop/%1.desktop").arg(id)));
        QVERIFY2(desktop.open(QIODevice::ReadOnly), qPrintable(desktop.fileName()));
        const QString entry = QString::fromUtf8(desktop.readAll());
        QVERIFY(
            entry.contains(QRegularExpression(QStringLiteral("^Icon=%1$").arg(QRegularExpression::escape(id)),
                QRegularExpression::MultilineOption)));
        QVERIFY(entry.contains(
            QRegularExpression(QStringLiteral("^Exec=joxai( |$)"), QRegularExpression::MultilineOption)));

        QFile metainfo(sourceFile(QStringLiteral("installer/desktop/%1.metainfo.xml").arg(id)));
        QVERIFY2(metainfo.open(QIODevice::ReadOnly), qPrintable(metainfo.fileName()));
        const QString xml = QString::fromUtf8(metainfo.readAll());
        QVERIFY(xml.contains(QStringLiteral("<id>%1</id>").arg(id)));
        QVERIFY(
            xml.contains(QStringLiteral("<launchable type=\"desktop-id\">%1.desktop</launchable>").arg(id)));
    }
};

QTEST_MAIN(TestDesktopIdentity)
#include "tst_desktopidentity.moc"
