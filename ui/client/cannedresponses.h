#pragma once
// The canned responses the signed-in person may use (GET /api/v1/canned-responses: the shared ones
// and their own), loaded once and looked up by shortcut for the composer. Shortcuts are compared
// without their optional leading '/' and without regard to case, as the server does.

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <optional>

namespace joxai::ui {

class ApiClient;

struct CannedResponse
{
    qint64 id = 0;
    QString title;
    QString content;
    QString shortcut; // as written, e.g. "/hours" or "hours"; may be empty

    // "/hours" for "hours" or "/hours"; empty without a shortcut.
    QString trigger() const;
};

class CannedResponses final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CannedResponses)

public:
    explicit CannedResponses(ApiClient &api, QObject *parent = nullptr);
    ~CannedResponses() override;

    void reload();
    bool isLoaded() const { return m_loaded; }
    const QList<CannedResponse> &all() const { return m_items; }
    // The response whose shortcut is `typed` ("/hours", "hours", "/HOURS").
    std::optional<CannedResponse> byShortcut(const QString &typed) const;

    static QString normalized(const QString &shortcut);

Q_SIGNALS:
    void loaded();

private:
    ApiClient &m_api;
    QList<CannedResponse> m_items;
    int m_generation = 0;
    bool m_loaded = false;
};

} // namespace joxai::ui
