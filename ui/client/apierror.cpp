#include "ui/client/apierror.h"

namespace joxai::ui {

QString ApiError::message() const
{
    if (status == 0) {
        if (server.isEmpty())
            return tr("The server cannot be reached. Check the address and your network connection.");
        return tr("The server at %1 cannot be reached. Check the address, that the server is running, "
                  "and your network connection.").arg(server);
    }
    if (code == QLatin1String("invalid_credentials"))
        return tr("The e-mail address or the password is wrong.");
    if (code == QLatin1String("otp_required"))
        return tr("Enter the six-digit code from your authenticator app.");
    if (code == QLatin1String("invalid_otp"))
        return tr("The one-time code is wrong or has expired.");
    if (code == QLatin1String("account_disabled"))
        return tr("This account is disabled. Ask an administrator.");
    if (code == QLatin1String("wrong_password"))
        return tr("The current password is not correct.");
    if (code == QLatin1String("weak_password"))
        return tr("The new password is not strong enough: %1.")
            .arg(fields.value(QStringLiteral("new_password")).toString(detail));
    if (code == QLatin1String("two_factor_required"))
        return tr("Your role requires two-factor sign-in. Set it up in Settings first.");
    if (code == QLatin1String("password_change_required"))
        return tr("You must change your password before you can continue.");
    if (code == QLatin1String("already_assigned"))
        return tr("Someone else has already taken this conversation.");
    if (code == QLatin1String("not_owner"))
        return tr("Take the conversation over first: only its owner (or a supervisor) answers the customer.");
    if (code == QLatin1String("conversation_closed"))
        return tr("This conversation is closed.");
    if (code == QLatin1String("four_eyes"))
        return tr("Four eyes: you cannot approve a change you made or submitted yourself. Another supervisor "
                  "or administrator must approve it.");
    if (code == QLatin1String("stale_version"))
        return tr("Someone else saved this article meanwhile. Your text is kept: reload the article, then apply "
                  "your changes again.");
    if (code == QLatin1String("invalid_transition"))
        return tr("This step does not fit the article's current state. Reload it and try again.");
    switch (status) {
    case 401:
        return tr("Your session has ended. Please sign in again.");
    case 403:
        return tr("You are not allowed to do this.");
    case 404:
        return tr("This item no longer exists, or you may not see it.");
    case 409:
        return detail.isEmpty() ? tr("Someone else changed this at the same time. Reload and try again.") : detail;
    case 413:
        return tr("What you sent is too large.");
    case 423:
        return tr("This account is locked after too many failed sign-ins. Wait a few minutes or ask an "
                  "administrator to unlock it.");
    case 429:
        if (retryAfterSeconds > 0)
            return tr("Too many attempts. Please wait %n second(s) and try again.", nullptr, retryAfterSeconds);
        return tr("Too many attempts. Please wait a moment and try again.");
    case 503:
        return tr("The server is temporarily unavailable (its database may be down). Please try again shortly.");
    default:
        break;
    }
    if (!detail.isEmpty())
        return detail;
    if (status >= 500)
        return tr("The server had a problem (HTTP %1). Please try again; if it persists, tell your administrator.")
            .arg(status);
    return tr("The server gave an unexpected answer (HTTP %1).").arg(status);
}

} // namespace joxai::ui
