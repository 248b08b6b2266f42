#include "ui/pages/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace joxai::ui {

Language::Language(QObject *parent) : QObject(parent)
{
}

Language::~Language()
{
    uninstall();
}

QString Language::choose(const QString &forced, const QString &saved)
{
    if (!forced.trimmed().isEmpty())
        return forced.trimmed().toLower().left(2);
    if (!saved.trimmed().isEmpty())
        return saved.trimmed().toLower().left(2);
    return QLocale::system().name().left(2);
}

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

void Language::uninstall()
{
    for (QPointer<QTranslator> *slot : {&m_own, &m_qt}) {
        if (*slot) {
            QCoreApplication::removeTranslator(*slot);
            delete slot->data();
        }
    }
    m_current = QStringLiteral("en");
}

bool Language::install(const QString &code)
{
    uninstall();
    auto *own = new QTranslator(this);
    if (!own->load(QStringLiteral(":/i18n/joxai_") + code)) {
        delete own;
        return code == QLatin1String("en"); // the source text is English
    }
    QCoreApplication::installTranslator(own);
    m_own = own;
    auto *qt = new QTranslator(this);
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        m_qt = qt;
    } else {
        delete qt;
    }
    QLocale::setDefault(QLocale(code));
    m_current = code;
    return true;
}

} // namespace joxai::ui
