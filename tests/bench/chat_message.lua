-- wrk script for chatbench.sh: customers ask everyday questions in many conversations at once.
-- The first script argument is a file of "conversation_id session_token language" lines made
-- by chatbench.sh; each request takes the next conversation and the next question of its language,
-- so the assistant's retrieval runs for real (chatbench.sh turns the reply cache off).
local conversations = {}
local questions = {
  en = {"How do I reset my online banking password?", "What are your opening hours?",
        "How do I make an international transfer?", "What documents do I need to open an account?",
        "How much does a transfer abroad cost?", "How can I increase my card limit?",
        "How do I set up a standing order?", "Can I get a personal loan?"},
  fr = {"Comment réinitialiser mon mot de passe ?", "Quels sont vos horaires d'ouverture ?",
        "Comment faire un virement international ?", "Quels documents pour ouvrir un compte ?",
        "Combien coûte un virement à l'étranger ?", "Comment augmenter le plafond de ma carte ?",
        "Comment mettre en place un virement permanent ?", "Puis-je obtenir un prêt personnel ?"},
}
local n = 0

init = function(args)
  for line in io.lines(args[1]) do
    local id, token, lang = line:match("^(%S+) (%S+) (%S+)$")
    if id then
      conversations[#conversations + 1] = {id = id, token = token, lang = lang}
    end
  end
  -- Threads start at different places so they do not walk the same conversations together.
  n = math.random(#conversations)
end

request = function()
  n = n + 1
  local c = conversations[(n % #conversations) + 1]
  local list = questions[c.lang]
  local q = list[(math.floor(n / #conversations) % #list) + 1]
  return wrk.format("POST", nil,
                    {["Content-Type"] = "application/json", ["X-Session-Token"] = c.token},
                    '{"conversation_id":"' .. c.id .. '","message":"' .. q .. '"}')
end
