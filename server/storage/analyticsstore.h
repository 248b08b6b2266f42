#pragma once
// The dashboard's figures, as aggregate queries over one date range (created_at in [from, to)).
// Definitions (also in the API changelog): escalation rate = conversations ever escalated /
// conversations started; containment = closed without a person (never escalated, never assigned,
// no staff answer) / closed; first response = first staff message − escalation; resolution =
// closed − started; CSAT = average and count of ratings.

#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace joxai {

class AnalyticsStore final
{
public:
    static Result<QJsonObject> dashboard(SqlSession &s, const QDateTime &from, const QDateTime &to);

private:
    static Result<QJsonObject> conversations(SqlSession &s, const QVariantList &range);
    static Result<QJsonObject> tickets(SqlSession &s, const QVariantList &range);
    static Result<QJsonObject> ai(SqlSession &s, const QVariantList &range);
    static Result<QJsonArray> perDay(SqlSession &s, const QVariantList &range);
    static Result<QJsonArray> perAgent(SqlSession &s, const QVariantList &range);
};

} // namespace joxai
