// Passkeys (WebAuthn) on the forms marked data-passkey="create" (add one) or "get" (sign in with one). The form keeps
// its antiforgery token: the options are fetched by posting the form itself to its options handler, the browser makes
// or uses the credential, and the form is submitted with the credential as JSON. Without WebAuthn the button stays
// hidden and the form's note says so.
const supported = typeof window.PublicKeyCredential === "function"
  && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
  && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

for (const form of document.querySelectorAll("form[data-passkey]")) {
  const button = form.querySelector("[data-passkey-button]");
  const unsupported = form.querySelector("[data-passkey-unsupported]");
  const error = form.querySelector("[data-passkey-error]");
  if (!supported || !button) {
    continue;
  }

  button.hidden = false;
  if (unsupported) {
    unsupported.hidden = true;
  }

  form.addEventListener("submit", async (event) => {
    if (form.elements.credential.value) {
      return;
    }

    event.preventDefault();
    if (error) {
      error.hidden = true;
    }

    button.disabled = true;
    try {
      const response = await fetch(form.dataset.optionsUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" });
      if (!response.ok) {
        throw new Error(`options: ${response.status}`);
      }

      const options = await response.json();
      const credential = form.dataset.passkey === "create"
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      form.elements.credential.value = JSON.stringify(credential);
      form.submit();
    } catch (failure) {
      console.warn("passkey", failure);
      if (error) {
        error.hidden = false;
      }
    } finally {
      button.disabled = false;
    }
  });
}
