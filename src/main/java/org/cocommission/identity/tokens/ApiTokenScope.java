package org.cocommission.identity.tokens;

/** What an API token may do: read (GET and HEAD only) or read and write (any method the owner may use). */
public enum ApiTokenScope {

	READ("Read only"), READ_WRITE("Read and write");

	private final String label;

	ApiTokenScope(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether a request with this HTTP method is within the scope. */
	boolean allows(String method) {
		return this == READ_WRITE || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
	}
}
