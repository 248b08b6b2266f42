#pragma once
// The sidebar: which pages exist, which a role may see, and which the console has built so far.

#include <QList>
#include <QString>

namespace joxai::ui {

enum class PageId { Dashboard, Conversations, Tickets, Knowledge, Customers, Users, Audit, Settings };

class Navigation final
{
public:
    // The entries a role sees, in sidebar order (shared/API.md: Users and Audit are admin-only,
    // the Dashboard is for supervisors and admins; Settings shows system settings to admins only).
    static QList<PageId> entriesFor(const QString &role);
    // Pages whose server endpoints exist and that the console has built; the others are left out
    // of the sidebar until they land (no dead entries).
    static bool isBuilt(PageId id);
    // entriesFor() ∩ isBuilt(): what MainWindow shows.
    static QList<PageId> visibleFor(const QString &role);
    static QString title(PageId id);
};

} // namespace joxai::ui
