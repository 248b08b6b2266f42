#pragma once
// The console's language: JoxAI's own translations (embedded under :/i18n) and Qt's for standard
// dialogs. Order of choice: --lang, then the saved choice, then the system's language.

#include <QObject>
#include <QPointer>
#include <QTranslator>

namespace joxai::ui {

class Language final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Language)

public:
    explicit Language(QObject *parent = nullptr);
    ~Language() override;

    // "fr", "en", ...: the first of `forced`, `saved` and the system locale that is non-empty.
    static QString choose(const QString &forced, const QString &saved);
    static QStringList available(); // {"en", "fr"}

    // Installs the translators for `code` on the application, replacing earlier ones; false when
    // JoxAI has no translation for it (the English text stays).
    bool install(const QString &code);
    QString current() const { return m_current; }

private:
    void uninstall();

    QPointer<QTranslator> m_own;
    QPointer<QTranslator> m_qt;
    QString m_current = QStringLiteral("en");
};

} // namespace joxai::ui
