#include "ui/pages/navigation.h"

#include <QCoreApplication>

namespace joxai::ui {

QList<PageId> Navigation::entriesFor(const QString &role)
{
    QList<PageId> out;
    const bool admin = role == QLatin1String("admin");
    const bool supervisor = admin || role == QLatin1String("supervisor");
    if (supervisor)
        out << PageId::Dashboard;
    out << PageId::Conversations << PageId::Tickets << PageId::Knowledge << PageId::Customers;
    if (admin)
        out << PageId::Users << PageId::Audit;
    out << PageId::Settings;
    return out;
}

bool Navigation::isBuilt(PageId id)
{
    switch (id) {
    case PageId::Dashboard:
    case PageId::Conversations:
    case PageId::Tickets:
    case PageId::Knowledge:
    case PageId::Customers:
    case PageId::Users:
    case PageId::Audit:
    case PageId::Settings:
        return true;
    default:
        return false;
    }
}

QList<PageId> Navigation::visibleFor(const QString &role)
{
    QList<PageId> out;
    for (PageId id : entriesFor(role))
        if (isBuilt(id))
            out << id;
    return out;
}

QString Navigation::title(PageId id)
{
    switch (id) {
    case PageId::Dashboard: return QCoreApplication::translate("Navigation", "Dashboard");
    case PageId::Conversations: return QCoreApplication::translate("Navigation", "Conversations");
    case PageId::Tickets: return QCoreApplication::translate("Navigation", "Tickets");
    case PageId::Knowledge: return QCoreApplication::translate("Navigation", "Knowledge");
    case PageId::Customers: return QCoreApplication::translate("Navigation", "Customers");
    case PageId::Users: return QCoreApplication::translate("Navigation", "Users");
    case PageId::Audit: return QCoreApplication::translate("Navigation", "Audit");
    case PageId::Settings: return QCoreApplication::translate("Navigation", "Settings");
    }
    return {};
}

} // namespace joxai::ui
